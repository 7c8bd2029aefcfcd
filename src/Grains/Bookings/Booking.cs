using Orleans;

namespace InclusionNetwork.Grains.Bookings;

/// <summary>
/// One person's booking on a run. <see cref="WaitlistPosition"/> is 1-based among the run's
/// WAITLISTED bookings in the order they joined; <see cref="CompletedAt"/> is set when every
/// session of the run was attended (the run's end).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Booking(
    long Id,
    long RunId,
    long StaffId,
    string SchoolUrn,
    BookingStatus Status,
    int? WaitlistPosition,
    DateTimeOffset? OfferExpiresAt,
    DateTimeOffset BookedAt,
    DateTimeOffset? CancelledAt,
    Cancellation? Cancellation,
    DateTimeOffset? CompletedAt,
    int Sequence)
{
    public bool Completed => CompletedAt is not null;
}
