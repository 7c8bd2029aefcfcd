namespace InclusionNetwork.Grains.Bookings;

/// <summary>
/// A booking inside <see cref="CourseRunState"/> while a command works on it. New bookings
/// have id 0 until written; <see cref="Changed"/> marks existing ones the store must update.
/// </summary>
public sealed class LiveBooking(long id, long staffId, string schoolUrn, BookingStatus status, DateTimeOffset bookedAt)
{
    public long Id { get; set; } = id;

    public long StaffId { get; } = staffId;

    /// <summary>The person's school; for a booking of <see cref="UncheckedStaff"/>, filled in from the staff row when written.</summary>
    public string SchoolUrn { get; set; } = schoolUrn;

    /// <summary>
    /// True for a new booking made without reading the person's staff row first: the write
    /// checks it (they exist, are on the staff, and at <see cref="ExpectedSchoolUrn"/> when
    /// given) and writes nothing when it does not hold.
    /// </summary>
    public bool UncheckedStaff { get; init; }

    /// <summary>The school an unchecked person must belong to (the booker's); null for any.</summary>
    public string? ExpectedSchoolUrn { get; init; }

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
