namespace InclusionNetwork.Grains.Bookings;

/// <summary>
/// A booking inside <see cref="CourseRunState"/> while a command works on it. New bookings
/// have id 0 until written; <see cref="Changed"/> marks existing ones the store must update.
/// </summary>
public sealed class LiveBooking(long id, long staffId, string schoolUrn, BookingStatus status, DateTimeOffset bookedAt)
{
    public long Id { get; set; } = id;

    public long StaffId { get; } = staffId;

    public string SchoolUrn { get; } = schoolUrn;

    public BookingStatus Status { get; set; } = status;

    public DateTimeOffset BookedAt { get; } = bookedAt;

    public long? BookedBy { get; init; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public DateTimeOffset? OfferedAt { get; set; }

    public DateTimeOffset? OfferExpiresAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public Cancellation? Cancellation { get; set; }

    public string? CancelReason { get; set; }

    public bool IsNew => Id == 0;

    public bool Changed { get; set; }
}
