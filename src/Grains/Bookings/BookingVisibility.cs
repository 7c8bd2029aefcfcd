using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Schools;

namespace InclusionNetwork.Grains.Bookings;

/// <summary>
/// Who may see a booking (it names a person): admins, the person booked, the run's provider,
/// and whoever may see the school's staff (its own users and, where a rule adds it, its
/// peer-review leader). Anonymous callers see none.
/// </summary>
public sealed class BookingVisibility(StaffVisibility staffVisibility)
{
    /// <param name="providerAccountId">The account providing the booking's course.</param>
    public async ValueTask<bool> CanSeeAsync(Viewer? viewer, Booking booking, long? providerAccountId, CancellationToken cancellationToken = default)
    {
        if (viewer is null)
        {
            return false;
        }
        if (viewer.IsAdmin || viewer.StaffId == booking.StaffId || (providerAccountId is not null && viewer.Has(Role.PROVIDER) && viewer.AccountId == providerAccountId))
        {
            return true;
        }
        return await staffVisibility.CanSeeStaffAsync(viewer, booking.SchoolUrn, cancellationToken);
    }
}
