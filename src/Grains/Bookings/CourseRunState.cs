using InclusionNetwork.Grains.Courses;

namespace InclusionNetwork.Grains.Bookings;

/// <summary>
/// A run and its live bookings as the run grain holds them, with the booking rules that
/// change them. <see cref="CourseRunStore.ReadAsync"/> builds it (the whole waiting list
/// included); the rules only change this object, and <see cref="CourseRunStore.SaveAsync"/>
/// then writes what changed in one statement checked against <see cref="Version"/>, so a
/// command (or a turn of queued commands) either writes all of its outcome or none of it;
/// <see cref="MarkWritten"/> then makes it stand for the stored run again.
/// </summary>
public sealed class CourseRunState(CourseRun run, long? providerAccountId, int version, IReadOnlyList<LiveBooking> bookings)
{
    private readonly List<LiveBooking> bookings = [.. bookings];

    public CourseRun Run { get; private set; } = run;

    /// <summary>The account that provides the run's course.</summary>
    public long? ProviderAccountId { get; } = providerAccountId;

    /// <summary>The run row's version as read or last written; the write checks it.</summary>
    public int Version { get; private set; } = version;

    /// <summary>
    /// Confirmed, offered and waitlisted bookings, in the order they were made (the waiting
    /// list's order), and those a command has just cancelled until they are written.
    /// </summary>
    public IReadOnlyList<LiveBooking> Bookings => bookings;

    /// <summary>The run's waiting list length.</summary>
    public int WaitlistedCount => bookings.Count(b => b.Status == BookingStatus.WAITLISTED);

    public bool RunChanged { get; private set; }

    /// <summary>True when an offer was made or ended, so the offer-expiry reminder must move.</summary>
    public bool OffersChanged { get; private set; }

    public string? CancelReason { get; private set; }

    /// <summary>The session a command moved, until it is written.</summary>
    public SessionMove? MovedSession { get; private set; }

    /// <summary>Places confirmed or held by an open offer.</summary>
    public int HeldPlaces => bookings.Count(b => b.Status is BookingStatus.CONFIRMED or BookingStatus.OFFERED);

    public int HeldBy(string schoolUrn) =>
        bookings.Count(b => b.SchoolUrn == schoolUrn && b.Status is BookingStatus.CONFIRMED or BookingStatus.OFFERED);

    public LiveBooking? LiveBookingOf(long staffId) => bookings.FirstOrDefault(b => b.StaffId == staffId && b.Status != BookingStatus.CANCELLED);

    public DateTimeOffset? EarliestOfferExpiry =>
        bookings.Where(b => b.Status == BookingStatus.OFFERED).Min(b => b.OfferExpiresAt);

    /// <summary>
    /// Places a person: confirmed while the run has a free place and their school is under its
    /// cap, otherwise at the back of the waiting list.
    /// </summary>
    public LiveBooking Place(long staffId, string schoolUrn, long? bookedBy, DateTimeOffset now) => Add(new LiveBooking(
        0, staffId, schoolUrn, HeldPlaces < Run.Capacity && FitsSchoolCap(schoolUrn) ? BookingStatus.CONFIRMED : BookingStatus.WAITLISTED, now)
    {
        BookedBy = bookedBy,
    });

    /// <summary>
    /// Places a person whose staff row has not been read, on a run with no cap per school (so
    /// where they are placed does not depend on their school): the write checks the row.
    /// </summary>
    /// <param name="expectedSchoolUrn">The school they must belong to (a booker's own); null for any.</param>
    public LiveBooking PlaceUnchecked(long staffId, string? expectedSchoolUrn, long? bookedBy, DateTimeOffset now)
    {
        if (Run.MaxPlacesPerSchool is not null)
        {
            throw new InvalidOperationException("A run with a cap per school places people only once their school is known.");
        }
        return Add(new LiveBooking(0, staffId, expectedSchoolUrn ?? "", HeldPlaces < Run.Capacity ? BookingStatus.CONFIRMED : BookingStatus.WAITLISTED, now)
        {
            BookedBy = bookedBy,
            UncheckedStaff = true,
            ExpectedSchoolUrn = expectedSchoolUrn,
        });
    }

    private LiveBooking Add(LiveBooking booking)
    {
        booking.ConfirmedAt = booking.Status == BookingStatus.CONFIRMED ? booking.BookedAt : null;
        bookings.Add(booking);
        return booking;
    }

    public void Cancel(LiveBooking booking, Cancellation why, string? reason, DateTimeOffset now)
    {
        OffersChanged |= booking.Status == BookingStatus.OFFERED;
        booking.Status = BookingStatus.CANCELLED;
        booking.Cancellation = why;
        booking.CancelReason = reason;
        booking.CancelledAt = now;
        booking.Changed = true;
    }

    public void Accept(LiveBooking offer, DateTimeOffset now)
    {
        offer.Status = BookingStatus.CONFIRMED;
        offer.ConfirmedAt = now;
        offer.Changed = true;
        OffersChanged = true;
    }

    /// <summary>
    /// What is due whatever the command: offers past their expiry lapse, and freed places
    /// are offered to the head of the waiting list who fits their school's cap, in turn.
    /// </summary>
    public void Settle(DateTimeOffset now, TimeSpan offerWindow)
    {
        foreach (var lapsed in bookings.Where(b => b.Status == BookingStatus.OFFERED && b.OfferExpiresAt <= now).ToList())
        {
            Cancel(lapsed, Cancellation.OFFER_LAPSED, null, now);
        }
        OfferFreedPlaces(now, offerWindow);
    }

    /// <summary>Offers every free place to the head of the waiting list who fits the per-school cap; none once the run has started.</summary>
    public void OfferFreedPlaces(DateTimeOffset now, TimeSpan offerWindow)
    {
        if (Run.Cancelled || now >= Run.StartsAt)
        {
            return;
        }
        while (HeldPlaces < Run.Capacity)
        {
            var next = bookings.FirstOrDefault(b => b.Status == BookingStatus.WAITLISTED && FitsSchoolCap(b.SchoolUrn));
            if (next is null)
            {
                return;
            }
            next.Status = BookingStatus.OFFERED;
            next.OfferedAt = now;
            // An offer cannot outlive the chance to take it up: it lapses when the run starts.
            next.OfferExpiresAt = now + offerWindow < Run.StartsAt ? now + offerWindow : Run.StartsAt;
            next.Changed = true;
            OffersChanged = true;
        }
    }

    /// <summary>Cancels the run and every live booking on it.</summary>
    public void CancelRun(string? reason, DateTimeOffset now)
    {
        foreach (var booking in bookings.Where(b => b.Status != BookingStatus.CANCELLED))
        {
            Cancel(booking, Cancellation.RUN_CANCELLED, reason, now);
        }
        Run = Run with { Cancelled = true, CancelledAt = now };
        CancelReason = reason;
        RunChanged = true;
    }

    /// <summary>
    /// Moves one session of the run; the run's own start and end follow its first and last
    /// sessions, and bookings close no later than the run starts (as when it was scheduled). The
    /// run's SEQUENCE stays: only the moved session's rises, when it is written.
    /// </summary>
    public void MoveSession(CourseSession session, DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset runStartsAt, DateTimeOffset runEndsAt)
    {
        MovedSession = new SessionMove(session.Id, session.StartsAt, startsAt, endsAt);
        Run = Run with
        {
            StartsAt = runStartsAt,
            EndsAt = runEndsAt,
            BookingClosesAt = Run.BookingClosesAt < runStartsAt ? Run.BookingClosesAt : runStartsAt,
        };
    }

    /// <summary>
    /// After the store wrote this state (or found nothing to write): it now stands for the
    /// stored run, so the grain keeps it for the next command. Cancelled bookings leave it.
    /// </summary>
    public void MarkWritten(SaveOutcome outcome)
    {
        if (outcome == SaveOutcome.Written)
        {
            Version++;
        }
        bookings.RemoveAll(b => b.Status == BookingStatus.CANCELLED);
        foreach (var booking in bookings)
        {
            booking.Changed = false;
        }
        RunChanged = false;
        OffersChanged = false;
        CancelReason = null;
        MovedSession = null;
    }

    private bool FitsSchoolCap(string schoolUrn) => Run.MaxPlacesPerSchool is not { } cap || HeldBy(schoolUrn) < cap;
}

/// <summary>A session moved to a new time; <see cref="Sequence"/> is its calendar SEQUENCE once written.</summary>
public sealed class SessionMove(long sessionId, DateTimeOffset previousStartsAt, DateTimeOffset startsAt, DateTimeOffset endsAt)
{
    public long SessionId { get; } = sessionId;

    public DateTimeOffset PreviousStartsAt { get; } = previousStartsAt;

    public DateTimeOffset StartsAt { get; } = startsAt;

    public DateTimeOffset EndsAt { get; } = endsAt;

    public int Sequence { get; set; }
}
