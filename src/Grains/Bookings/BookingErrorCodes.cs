namespace InclusionNetwork.Grains.Bookings;

/// <summary>
/// Stable codes of the booking rules, beside the shared ones in
/// <see cref="Common.ErrorCodes"/>. Add codes; never rename or reuse one.
/// </summary>
public static class BookingErrorCodes
{
    /// <summary>The person already has a live (confirmed, offered or waitlisted) booking on the run.</summary>
    public const string AlreadyBooked = "ALREADY_BOOKED";

    /// <summary>The run's booking close time has passed.</summary>
    public const string BookingClosed = "BOOKING_CLOSED";

    /// <summary>The run was cancelled.</summary>
    public const string RunCancelled = "RUN_CANCELLED";

    /// <summary>The run has started, so bookings can no longer be cancelled.</summary>
    public const string RunStarted = "RUN_STARTED";

    /// <summary>The offered place lapsed before it was accepted.</summary>
    public const string OfferExpired = "OFFER_EXPIRED";

    /// <summary>An evaluation or follow-up was already given for this booking.</summary>
    public const string AlreadySubmitted = "ALREADY_SUBMITTED";

    /// <summary>Not yet: a session that has not started, a run not yet ended, a follow-up before its time.</summary>
    public const string TooEarly = "TOO_EARLY";

    /// <summary>The booking (or run) is already cancelled.</summary>
    public const string AlreadyCancelled = "ALREADY_CANCELLED";

    /// <summary>The person attended no session of the run, so has no evaluation of it to give.</summary>
    public const string NotAttended = "NOT_ATTENDED";
}
