using InclusionNetwork.Grains.Accounts;

namespace InclusionNetwork.Grains.Bookings;

/// <summary>
/// Who may see a booking (it names a person): admins, the person booked, the run's provider,
/// and whoever may see the school's staff (its own users and, where a rule adds it, its
/// peer-review leader). Anonymous callers see none. The staff part is decided by the caller
/// for a whole list at once (see <c>StaffVisibility</c>), never one query per booking.
/// </summary>
public static class BookingVisibility
{
    /// <summary>Whether the viewer sees the booking as admin, as the person booked or as the run's provider.</summary>
    /// <param name="providerAccountId">The account providing the booking's course.</param>
    public static bool SeesAsPartyTo(Viewer viewer, Booking booking, long? providerAccountId) =>
        viewer.IsAdmin
        || viewer.StaffId == booking.StaffId
        || (providerAccountId is not null && viewer.Has(Role.PROVIDER) && viewer.AccountId == providerAccountId);

    /// <summary>
    /// Evaluations and follow-ups are personal opinions: only the person who gave them and admins
    /// see them beside the booking; a provider sees them only without names, through course feedback.
    /// </summary>
    public static bool SeesFeedback(Viewer? viewer, Booking booking) =>
        viewer is not null && (viewer.IsAdmin || viewer.StaffId == booking.StaffId);
}
