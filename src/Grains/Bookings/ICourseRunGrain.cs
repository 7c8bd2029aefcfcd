using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Courses;
using Orleans;
using Orleans.Concurrency;

namespace InclusionNetwork.Grains.Bookings;

/// <summary>
/// A run, keyed by its id: the one place its bookings change. Every command checks the rules
/// on the run the activation holds and writes its whole outcome in one version-checked write.
/// </summary>
public interface ICourseRunGrain : IGrainWithIntegerKey
{
    /// <summary>Books places for staff (ids as sent, so refusals can name their place in the request).</summary>
    /// <remarks>
    /// Interleaves with the run's other calls so that bookings arriving together queue inside
    /// the grain and are written together; the grain still applies every command in turn.
    /// </remarks>
    [AlwaysInterleave]
    Task<BookPlacesResult> BookAsync(Viewer viewer, IReadOnlyList<string> staffIds);

    /// <summary>Cancels a booking (declines an offer); a freed place is offered to the waiting list.</summary>
    Task<CommandResult<Booking>> CancelBookingAsync(Viewer viewer, long bookingId, string? reason);

    Task<CommandResult<Booking>> AcceptOfferAsync(Viewer viewer, long bookingId);

    /// <summary>Cancels the run and every live booking on it. The course's provider and admins only.</summary>
    Task<CommandResult<CourseRun>> CancelRunAsync(Viewer viewer, string? reason);

    /// <summary>
    /// Moves one session of the run to a new time, and tells everyone booked and their schools'
    /// bookers. The course's provider and admins only; the sessions stay in order without overlapping.
    /// </summary>
    Task<CommandResult<CourseSession>> MoveSessionAsync(Viewer viewer, long sessionId, DateTimeOffset startsAt, DateTimeOffset endsAt);

    /// <summary>Records a session's register. The course's provider and admins only.</summary>
    Task<CommandResult<IReadOnlyList<Attendance>>> RecordAttendanceAsync(Viewer viewer, long sessionId, IReadOnlyList<AttendanceMark> marks);

    Task<CommandResult<Booking>> SubmitEvaluationAsync(Viewer viewer, long bookingId, EvaluationAnswers answers);

    Task<CommandResult<Booking>> SubmitFollowUpAsync(Viewer viewer, long bookingId, Implementation implemented, string? notes);

    /// <summary>Lapses offers past their expiry and passes the places on (what the offer-expiry reminder does).</summary>
    Task SettleOffersAsync();

    /// <summary>
    /// Writes what has fallen due on the run (starts soon, evaluation, follow-up) and moves the
    /// milestone reminder to when the next thing falls due: what each of its ticks does.
    /// </summary>
    Task SettleMilestonesAsync();
}
