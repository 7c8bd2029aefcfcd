using Orleans;

namespace InclusionNetwork.Grains.Courses;

/// <summary>
/// One cohort of a course, booked as a whole. The counts are the run's bookings by status,
/// kept with the bookings under the run's row lock. Online runs have no venue or district.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CourseRun(
    long Id,
    long CourseId,
    string? Venue,
    string? DistrictId,
    int Capacity,
    int? MaxPlacesPerSchool,
    DateTimeOffset BookingClosesAt,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    bool Cancelled,
    DateTimeOffset? CancelledAt,
    int ConfirmedCount,
    int OfferedCount,
    int WaitlistedCount,
    int Sequence)
{
    /// <summary>Places neither confirmed nor held by an open offer.</summary>
    public int PlacesLeft => Math.Max(0, Capacity - ConfirmedCount - OfferedCount);

    public RunStatus StatusAt(DateTimeOffset now) =>
        Cancelled ? RunStatus.CANCELLED : EndsAt <= now ? RunStatus.COMPLETED : RunStatus.SCHEDULED;
}
