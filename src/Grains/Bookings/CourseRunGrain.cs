using System.Globalization;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Courses;
using InclusionNetwork.Grains.Schools;
using Orleans;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InclusionNetwork.Grains.Bookings;

/// <summary>
/// The booking lifecycle of one run. Orleans keeps one activation of the run in the whole
/// cluster and gives it one call at a time, so the grain reads the run and its live bookings
/// once and keeps them: each command applies the rules (<see cref="CourseRunState"/>) to the
/// state in memory and writes the outcome in one transaction guarded by the run's version.
/// Offers of freed places lapse through a durable reminder set for the earliest expiry.
/// </summary>
public sealed class CourseRunGrain(
    NpgsqlDataSource dataSource,
    CourseRunStore store,
    BookingQueries bookings,
    CourseRunQueries runs,
    SchoolQueries schools,
    BookingNotifications notifications,
    IOptions<BookingOptions> options,
    CourseRunMilestones milestones,
    DomainClock clock) : Grain, ICourseRunGrain, IRemindable
{
    public const string OfferExpiryReminder = "offer-expiry";

    /// <summary>Ticks when something next falls due after booking: the run starting soon, ending, a follow-up opening.</summary>
    public const string MilestoneReminder = "run-milestones";
    private const int MaxTextLength = 4000;

    private long RunId => this.GetPrimaryKeyLong();

    private BookingOptions Policy => options.Value;

    /// <summary>The most commands one write takes; more wait for the next.</summary>
    private const int MaxCommandsPerWrite = 100;

    private static readonly IReadOnlyDictionary<long, StaffMember> NoStaff = new Dictionary<long, StaffMember>();

    /// <summary>The run as this activation last read or wrote it; null until read, and after a failed command.</summary>
    private CourseRunState? held;

    /// <summary>
    /// The "starts soon" moment while it is ahead, as this activation last settled the
    /// milestones: until then a new place needs no settling. Null when unknown or passed.
    /// </summary>
    private DateTimeOffset? quietUntil;

    /// <summary>Commands waiting for the next write (see <see cref="InRunTransactionAsync"/>).</summary>
    private readonly Queue<QueuedCommand> queue = new();

    /// <summary>True while <see cref="WriteQueuedAsync"/> runs; it takes whatever is queued.</summary>
    private bool writing;

    public async Task<BookPlacesResult> BookAsync(Viewer viewer, IReadOnlyList<string> staffIds)
    {
        if (!(viewer.IsAdmin || viewer.Has(Role.SCHOOL_BOOKER)))
        {
            return Refused(DomainError.NotAllowed("Only school bookers and admins may book places."));
        }
        if (staffIds.Count == 0 || staffIds.Count > Policy.MaxPeoplePerRequest)
        {
            return Refused(DomainError.Invalid($"Name between 1 and {Policy.MaxPeoplePerRequest} people.", "input", "staffIds"));
        }
        var ids = staffIds.Select(ParseId).ToList();
        var errors = new List<DomainError>();
        var placed = new List<LiveBooking>();
        var waitlisted = 0;
        var found = await InRunTransactionAsync(ids.OfType<long>().Distinct().ToList(), (state, now, staff) =>
        {
            // A command may run more than once (see WriteAsync): each run starts afresh.
            errors.Clear();
            placed.Clear();
            waitlisted = state.WaitlistedCount;
            if (state.Run.Cancelled)
            {
                errors.Add(new DomainError(BookingErrorCodes.RunCancelled, "The run was cancelled.", ["input", "runId"]));
                return;
            }
            if (now >= state.Run.BookingClosesAt)
            {
                errors.Add(new DomainError(BookingErrorCodes.BookingClosed,
                    $"Bookings for this run closed at {state.Run.BookingClosesAt:O}.", ["input", "runId"]));
                return;
            }
            for (var i = 0; i < ids.Count; i++)
            {
                string[] path = ["input", "staffIds", i.ToString(CultureInfo.InvariantCulture)];
                if (staff.Read is null && ids[i] is { } unread)
                {
                    // Unread staff: on a run with no cap per school, where a person is placed
                    // does not depend on their row, so the write checks it instead of a read
                    // before (one round trip, not two). Anything the rules would refuse names
                    // the person, so it is decided on their row as read.
                    if (state.Run.MaxPlacesPerSchool is not null || state.LiveBookingOf(unread) is not null || !(viewer.IsAdmin || viewer.SchoolUrn is not null))
                    {
                        staff.Need();
                        return;
                    }
                    placed.Add(state.PlaceUnchecked(unread, viewer.IsAdmin ? null : viewer.SchoolUrn, viewer.AccountId, now));
                    continue;
                }
                if (ids[i] is not { } id || staff.Read is not { } read || !read.TryGetValue(id, out var member))
                {
                    errors.Add(new DomainError(ErrorCodes.NotFound, "No member of staff has that id.", path));
                }
                else if (!viewer.IsAdmin && member.SchoolUrn != viewer.SchoolUrn)
                {
                    errors.Add(new DomainError(ErrorCodes.NotAllowed, "You may book places only for your own school's staff.", path));
                }
                else if (member.RemovedAt is not null)
                {
                    errors.Add(new DomainError(ErrorCodes.Invalid, $"{member.Name} is no longer on the school's staff.", path));
                }
                else if (state.LiveBookingOf(id) is { } existing)
                {
                    errors.Add(new DomainError(BookingErrorCodes.AlreadyBooked,
                        $"{member.Name} already has a {existing.Status.ToString().ToLowerInvariant()} booking on this run.", path));
                }
                else
                {
                    placed.Add(state.Place(id, member.SchoolUrn, viewer.AccountId, now));
                }
            }
            waitlisted = state.WaitlistedCount;
        });
        if (!found)
        {
            return Refused(DomainError.NotFound("No run has that id.", "input", "runId"));
        }
        if (placed.Count > 0)
        {
            await SettleMilestonesForNewBookingAsync();
        }
        return new BookPlacesResult(Outcomes(placed, waitlisted), errors);
    }

    public async Task<CommandResult<Booking>> CancelBookingAsync(Viewer viewer, long bookingId, string? reason)
    {
        if (await FindOwnBookingAsync(bookingId) is not { } booking)
        {
            return CommandResult<Booking>.Failure(DomainError.NotFound("No booking has that id.", "input", "bookingId"));
        }
        if (!MayActOn(viewer, booking))
        {
            return CommandResult<Booking>.Failure(DomainError.NotAllowed("Only the person booked, their school's bookers and admins may cancel a booking."));
        }
        if (reason is { Length: > MaxTextLength })
        {
            return CommandResult<Booking>.Failure(DomainError.Invalid($"The reason is at most {MaxTextLength} characters.", "input", "reason"));
        }
        DomainError? error = null;
        await InRunTransactionAsync([], (state, now, _) =>
        {
            error = null;
            var live = state.Bookings.FirstOrDefault(b => b.Id == bookingId && b.Status != BookingStatus.CANCELLED);
            if (live is null)
            {
                error = new DomainError(BookingErrorCodes.AlreadyCancelled, "The booking is already cancelled.", ["input", "bookingId"]);
            }
            else if (now >= state.Run.StartsAt)
            {
                error = new DomainError(BookingErrorCodes.RunStarted, "The run has started, so its bookings can no longer be cancelled.", ["input", "bookingId"]);
            }
            else
            {
                // Cancelling an offer declines it; either way the place passes down the waiting list.
                state.Cancel(live, live.Status == BookingStatus.OFFERED ? Cancellation.OFFER_DECLINED : Cancellation.CANCELLED,
                    string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), now);
                state.OfferFreedPlaces(now, Policy.OfferWindow);
            }
        });
        return error is not null ? CommandResult<Booking>.Failure(error) : CommandResult<Booking>.Success((await bookings.FindAsync(bookingId))!);
    }

    public async Task<CommandResult<Booking>> AcceptOfferAsync(Viewer viewer, long bookingId)
    {
        if (await FindOwnBookingAsync(bookingId) is not { } booking)
        {
            return CommandResult<Booking>.Failure(DomainError.NotFound("No booking has that id.", "input", "bookingId"));
        }
        if (!MayActOn(viewer, booking))
        {
            return CommandResult<Booking>.Failure(DomainError.NotAllowed("Only the person booked, their school's bookers and admins may accept an offer."));
        }
        DomainError? error = null;
        await InRunTransactionAsync([], (state, now, _) =>
        {
            error = null;
            // Settling may just have lapsed this very offer: then it is reported as expired.
            var current = state.Bookings.FirstOrDefault(b => b.Id == bookingId);
            var lapsed = current is null ? booking.Cancellation == Cancellation.OFFER_LAPSED : current.Cancellation == Cancellation.OFFER_LAPSED;
            if (lapsed)
            {
                error = new DomainError(BookingErrorCodes.OfferExpired, "The offer lapsed before it was accepted.", ["input", "bookingId"]);
            }
            else if (current is not { Status: BookingStatus.OFFERED })
            {
                error = DomainError.Invalid("The booking has no open offer to accept.", "input", "bookingId");
            }
            else
            {
                state.Accept(current, now);
            }
        });
        if (error is null)
        {
            await SettleMilestonesForNewBookingAsync();
        }
        return error is not null ? CommandResult<Booking>.Failure(error) : CommandResult<Booking>.Success((await bookings.FindAsync(bookingId))!);
    }

    public async Task<CommandResult<CourseRun>> CancelRunAsync(Viewer viewer, string? reason)
    {
        if (reason is { Length: > MaxTextLength })
        {
            return CommandResult<CourseRun>.Failure(DomainError.Invalid($"The reason is at most {MaxTextLength} characters.", "input", "reason"));
        }
        DomainError? error = null;
        var found = await InRunTransactionAsync([], (state, now, _) =>
        {
            error = null;
            if (!MayRun(viewer, state))
            {
                error = DomainError.NotAllowed("Only the course's provider and admins may cancel a run.");
            }
            else if (state.Run.Cancelled)
            {
                error = new DomainError(BookingErrorCodes.AlreadyCancelled, "The run is already cancelled.", ["input", "runId"]);
            }
            else if (now >= state.Run.EndsAt)
            {
                error = DomainError.Invalid("The run has already ended.", "input", "runId");
            }
            else
            {
                state.CancelRun(string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), now);
            }
        });
        if (!found)
        {
            return CommandResult<CourseRun>.Failure(DomainError.NotFound("No run has that id.", "input", "runId"));
        }
        return error is not null ? CommandResult<CourseRun>.Failure(error) : CommandResult<CourseRun>.Success((await runs.FindAsync(RunId))!);
    }

    public async Task<CommandResult<CourseSession>> MoveSessionAsync(Viewer viewer, long sessionId, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        static CommandResult<CourseSession> Fail(DomainError error) => CommandResult<CourseSession>.Failure(error);

        // Sessions change only through this grain, one call at a time, so as read here they stand for the write.
        var sessions = (await runs.SessionsOfAsync([RunId]))[RunId].OrderBy(s => s.StartsAt).ThenBy(s => s.Id).ToList();
        DomainError? error = null;
        var found = await InRunTransactionAsync([], (state, now, _) =>
        {
            error = null;
            var index = sessions.FindIndex(s => s.Id == sessionId);
            if (!MayRun(viewer, state))
            {
                error = DomainError.NotAllowed("Only the course's provider and admins may move a session.");
            }
            else if (index < 0)
            {
                error = DomainError.NotFound("No session has that id.", "input", "sessionId");
            }
            else if (state.Run.Cancelled)
            {
                error = DomainError.Invalid("The run was cancelled.", "input", "sessionId");
            }
            else if (now >= state.Run.EndsAt)
            {
                error = DomainError.Invalid("The run has already ended.", "input", "sessionId");
            }
            else if (now >= sessions[index].StartsAt)
            {
                error = DomainError.Invalid("The session has already started, so it can no longer be moved.", "input", "sessionId");
            }
            else if (endsAt <= startsAt)
            {
                error = DomainError.Invalid("The session must end after it starts.", "input", "endsAt");
            }
            else if (startsAt <= now)
            {
                error = DomainError.Invalid("The new time is in the past.", "input", "startsAt");
            }
            else if (index > 0 && startsAt < sessions[index - 1].EndsAt)
            {
                error = DomainError.Invalid("The session would start before the session before it ends.", "input", "startsAt");
            }
            else if (index < sessions.Count - 1 && endsAt > sessions[index + 1].StartsAt)
            {
                error = DomainError.Invalid("The session would end after the session after it starts.", "input", "endsAt");
            }
            else
            {
                state.MoveSession(sessions[index], startsAt, endsAt,
                    index == 0 ? startsAt : sessions[0].StartsAt,
                    index == sessions.Count - 1 ? endsAt : sessions[^1].EndsAt);
            }
        });
        if (!found)
        {
            return Fail(DomainError.NotFound("No session has that id.", "input", "sessionId"));
        }
        if (error is not null)
        {
            return Fail(error);
        }
        // A moved first session moves the run's start, and with it the "starts soon" reminder.
        await SettleMilestonesAsync();
        return CommandResult<CourseSession>.Success((await runs.FindSessionsAsync([sessionId]))[sessionId]);
    }

    public async Task<CommandResult<IReadOnlyList<Attendance>>> RecordAttendanceAsync(Viewer viewer, long sessionId, IReadOnlyList<AttendanceMark> marks)
    {
        static CommandResult<IReadOnlyList<Attendance>> Fail(params DomainError[] errors) => CommandResult<IReadOnlyList<Attendance>>.Failure(errors);

        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // The lock keeps the register consistent with a cancellation happening at the same time.
        if (await store.ReadAsync(connection, transaction, RunId, forUpdate: true) is not { } state)
        {
            return Fail(DomainError.NotFound("No session has that id.", "input", "sessionId"));
        }
        if (!MayRun(viewer, state))
        {
            return Fail(DomainError.NotAllowed("Only the course's provider and admins may record attendance."));
        }
        var now = clock.GetUtcNow();
        DateTimeOffset? sessionStart;
        await using (var session = new NpgsqlCommand("SELECT starts_at FROM course_sessions WHERE id = @id AND run_id = @run", connection, transaction))
        {
            session.Parameters.AddWithValue("id", sessionId);
            session.Parameters.AddWithValue("run", RunId);
            // Npgsql reads a scalar timestamptz as a UTC DateTime.
            sessionStart = await session.ExecuteScalarAsync() is DateTime utc ? new DateTimeOffset(utc, TimeSpan.Zero) : null;
        }
        if (sessionStart is null)
        {
            return Fail(DomainError.NotFound("No session has that id.", "input", "sessionId"));
        }
        if (state.Run.Cancelled)
        {
            return Fail(new DomainError(BookingErrorCodes.RunCancelled, "The run was cancelled.", ["input", "sessionId"]));
        }
        if (sessionStart > now)
        {
            return Fail(new DomainError(BookingErrorCodes.TooEarly, "Attendance can be recorded once the session has started.", ["input", "sessionId"]));
        }
        if (marks.Count == 0)
        {
            return Fail(DomainError.Invalid("Give at least one person's attendance.", "input", "attendance"));
        }
        var errors = new List<DomainError>();
        var seen = new HashSet<long>();
        for (var i = 0; i < marks.Count; i++)
        {
            string[] path = ["input", "attendance", i.ToString(CultureInfo.InvariantCulture), "bookingId"];
            var id = ParseId(marks[i].BookingId);
            if (id is null || state.Bookings.FirstOrDefault(b => b.Id == id) is not { } booking)
            {
                errors.Add(new DomainError(ErrorCodes.NotFound, "No live booking on this run has that id.", path));
            }
            else if (booking.Status != BookingStatus.CONFIRMED)
            {
                errors.Add(new DomainError(ErrorCodes.Invalid, "Only confirmed bookings have attendance.", path));
            }
            else if (!seen.Add(booking.Id))
            {
                errors.Add(new DomainError(ErrorCodes.Invalid, "The booking is already in this register.", path));
            }
        }
        if (errors.Count > 0)
        {
            return new CommandResult<IReadOnlyList<Attendance>>(null, errors);
        }
        await using (var write = new NpgsqlCommand("""
            INSERT INTO attendance (booking_id, session_id, present, recorded_at, recorded_by)
            SELECT t.booking_id, @session, t.present, @now, @by FROM unnest(@bookings, @present) AS t(booking_id, present)
            ON CONFLICT (booking_id, session_id) DO UPDATE
                SET present = excluded.present, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by;
            -- A booking is completed once every session of its run is attended; a correction can undo that.
            UPDATE bookings b SET completed_at = CASE
                    WHEN (SELECT count(*) FROM attendance a WHERE a.booking_id = b.id AND a.present)
                       = (SELECT count(*) FROM course_sessions s WHERE s.run_id = b.run_id)
                    THEN (SELECT r.ends_at FROM course_runs r WHERE r.id = b.run_id) END,
                updated_at = @now
            WHERE b.id = ANY(@bookings);
            """, connection, transaction))
        {
            write.Parameters.AddWithValue("session", sessionId);
            write.Parameters.AddWithValue("now", now);
            write.Parameters.AddWithValue("by", viewer.AccountId);
            write.Parameters.AddWithValue("bookings", marks.Select(m => ParseId(m.BookingId)!.Value).ToArray());
            write.Parameters.AddWithValue("present", marks.Select(m => m.Present).ToArray());
            await write.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        // Attendance decides who is asked for an evaluation and, on completion, a follow-up.
        await SettleMilestonesAsync();
        return CommandResult<IReadOnlyList<Attendance>>.Success(
            marks.Select(m => new Attendance(ParseId(m.BookingId)!.Value, sessionId, m.Present, now)).ToList());
    }

    public async Task<CommandResult<Booking>> SubmitEvaluationAsync(Viewer viewer, long bookingId, EvaluationAnswers answers)
    {
        if (await CheckFeedbackAsync(viewer, bookingId) is { } refusal)
        {
            return CommandResult<Booking>.Failure(refusal);
        }
        if (answers.Comments is { Length: > MaxTextLength })
        {
            return CommandResult<Booking>.Failure(DomainError.Invalid($"Comments are at most {MaxTextLength} characters.", "input", "comments"));
        }
        var run = (await runs.FindAsync(RunId))!;
        var now = clock.GetUtcNow();
        if (now < run.EndsAt)
        {
            return CommandResult<Booking>.Failure(new DomainError(BookingErrorCodes.TooEarly, "A run can be evaluated once it has ended.", ["input", "bookingId"]));
        }
        // Only someone who was there can judge a run: the uptake figures count attendees' answers only.
        await using (var attended = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM attendance WHERE booking_id = @booking AND present)"))
        {
            attended.Parameters.AddWithValue("booking", bookingId);
            if (!(bool)(await attended.ExecuteScalarAsync())!)
            {
                return CommandResult<Booking>.Failure(new DomainError(BookingErrorCodes.NotAttended,
                    "Only someone who attended at least one session of the run can evaluate it.", ["input", "bookingId"]));
            }
        }
        await using var insert = dataSource.CreateCommand("""
            INSERT INTO evaluations (booking_id, content, knowledge_improved, confidence_improved, comments, submitted_at)
            VALUES (@booking, @content, @knowledge, @confidence, @comments, @now)
            ON CONFLICT (booking_id) DO NOTHING
            """);
        insert.Parameters.AddWithValue("booking", bookingId);
        insert.Parameters.AddWithValue("content", answers.Content.ToString());
        insert.Parameters.AddWithValue("knowledge", answers.KnowledgeImproved.ToString());
        insert.Parameters.AddWithValue("confidence", answers.ConfidenceImproved.ToString());
        insert.Parameters.AddWithValue("comments", NpgsqlTypes.NpgsqlDbType.Text, string.IsNullOrWhiteSpace(answers.Comments) ? DBNull.Value : answers.Comments.Trim());
        insert.Parameters.AddWithValue("now", now);
        return await insert.ExecuteNonQueryAsync() == 1
            ? CommandResult<Booking>.Success((await bookings.FindAsync(bookingId))!)
            : CommandResult<Booking>.Failure(new DomainError(BookingErrorCodes.AlreadySubmitted, "This booking's evaluation was already given.", ["input", "bookingId"]));
    }

    public async Task<CommandResult<Booking>> SubmitFollowUpAsync(Viewer viewer, long bookingId, Implementation implemented, string? notes)
    {
        if (await CheckFeedbackAsync(viewer, bookingId) is { } refusal)
        {
            return CommandResult<Booking>.Failure(refusal);
        }
        if (notes is { Length: > MaxTextLength })
        {
            return CommandResult<Booking>.Failure(DomainError.Invalid($"Notes are at most {MaxTextLength} characters.", "input", "notes"));
        }
        var booking = (await bookings.FindAsync(bookingId))!;
        if (booking.CompletedAt is not { } completedAt)
        {
            return CommandResult<Booking>.Failure(DomainError.Invalid("A follow-up is given after completing the run (attending every session).", "input", "bookingId"));
        }
        var now = clock.GetUtcNow();
        if (now < completedAt + Policy.FollowUpAfter)
        {
            return CommandResult<Booking>.Failure(new DomainError(BookingErrorCodes.TooEarly,
                $"The follow-up opens {Policy.FollowUpAfter.TotalDays:0} days after completion, on {completedAt + Policy.FollowUpAfter:yyyy-MM-dd}.", ["input", "bookingId"]));
        }
        await using var insert = dataSource.CreateCommand("""
            INSERT INTO follow_ups (booking_id, implemented, notes, submitted_at) VALUES (@booking, @implemented, @notes, @now)
            ON CONFLICT (booking_id) DO NOTHING
            """);
        insert.Parameters.AddWithValue("booking", bookingId);
        insert.Parameters.AddWithValue("implemented", implemented.ToString());
        insert.Parameters.AddWithValue("notes", NpgsqlTypes.NpgsqlDbType.Text, string.IsNullOrWhiteSpace(notes) ? DBNull.Value : notes.Trim());
        insert.Parameters.AddWithValue("now", now);
        return await insert.ExecuteNonQueryAsync() == 1
            ? CommandResult<Booking>.Success((await bookings.FindAsync(bookingId))!)
            : CommandResult<Booking>.Failure(new DomainError(BookingErrorCodes.AlreadySubmitted, "This booking's follow-up was already given.", ["input", "bookingId"]));
    }

    public async Task SettleOffersAsync()
    {
        CourseRunState? settled = null;
        await InRunTransactionAsync([], (state, _, _) => settled = state);
        // The reminder ticks until no offer is left open, then goes.
        if (settled?.EarliestOfferExpiry is { } next)
        {
            await this.SetDueReminderAsync(OfferExpiryReminder, next - clock.GetUtcNow());
        }
        else
        {
            await this.ClearDueReminderAsync(OfferExpiryReminder);
        }
    }

    public async Task SettleMilestonesAsync()
    {
        var due = await milestones.SettleAsync(RunId);
        // Not from the held state: under a stream of bookings a write is nearly always out, and
        // the held state is gone until it is stored, so every booking settled again.
        quietUntil = due.QuietUntilNext ? due.Next : null;
        if (due.Next is { } next)
        {
            await this.SetDueReminderAsync(MilestoneReminder, next - clock.GetUtcNow());
        }
        else
        {
            await this.ClearDueReminderAsync(MilestoneReminder);
        }
    }

    /// <summary>
    /// A new place changes nothing the milestone reminder waits for while its moment is still
    /// ahead: at that moment it writes to everyone booked by then. Only from that moment on (the
    /// course starts soon, say) does a new place need its message now. Settling on every place
    /// cost each booking a transaction and a reminder write of its own, which undid the shared
    /// writes of contended bookings.
    /// </summary>
    private Task SettleMilestonesForNewBookingAsync() =>
        quietUntil is { } until && clock.GetUtcNow() < until ? Task.CompletedTask : SettleMilestonesAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == MilestoneReminder ? SettleMilestonesAsync() : SettleOffersAsync();

    /// <summary>
    /// Runs one command on the run, in the run's order of commands, and answers once its
    /// outcome is stored. Booking calls interleave (<see cref="ICourseRunGrain.BookAsync"/>),
    /// so while one write is out at the database the commands that arrive queue here, and the
    /// next write takes them all: under contention many bookings share one round trip, and each
    /// caller still gets its own outcome, only after it is stored.
    /// </summary>
    /// <param name="staffIds">The staff the command's rules look at; read fresh for each write.</param>
    /// <returns>False when there is no such run.</returns>
    private Task<bool> InRunTransactionAsync(IReadOnlyList<long> staffIds, RunCommand command)
    {
        var queued = new QueuedCommand(staffIds, command);
        queue.Enqueue(queued);
        if (!writing)
        {
            writing = true;
            _ = WriteQueuedAsync();
        }
        return queued.Outcome.Task;
    }

    /// <summary>
    /// Writes the queued commands in turns, each turn all that queued during the one before,
    /// until none is left. Every outcome, failures included, goes to the command's caller.
    /// </summary>
    private async Task WriteQueuedAsync()
    {
        try
        {
            var lastTurn = 0;
            while (queue.Count > 0)
            {
                await GatherAsync(lastTurn);
                var turn = new List<QueuedCommand>();
                while (turn.Count < MaxCommandsPerWrite && queue.TryDequeue(out var next))
                {
                    turn.Add(next);
                }
                lastTurn = turn.Count;
                try
                {
                    var found = await WriteAsync(turn);
                    turn.ForEach(c => c.Outcome.SetResult(found));
                }
                catch (PostgresException)
                {
                    // The database refused the write (a unique index or a check: a writer
                    // outside the grains broke a rule without moving the run's version), so
                    // nothing of it was stored. Each command is tried alone on the run read
                    // afresh, where the rules see what that writer did; only a command that
                    // still fails alone fails its caller.
                    foreach (var command in turn)
                    {
                        await WriteAloneAsync(command);
                    }
                }
                catch (Exception failure)
                {
                    // Not a refusal (the database out of reach, say): every caller hears of it.
                    turn.ForEach(c => c.Outcome.SetException(failure));
                }
            }
        }
        finally
        {
            writing = false;
        }
    }

    /// <summary>
    /// Under contention, waits a moment for the callers of the last turn to come back before the
    /// next turn starts (group commit, as PostgreSQL's commit_delay does). Without it, the callers
    /// split into two halves taking turns: while one half's write is out, the other queues, so
    /// each write carried half of them and every caller waited for two writes per command. With
    /// it, nearly all of them share each write. A command with nothing queued before it (no
    /// contention) never waits, and the wait ends as soon as a step brings no one new.
    /// </summary>
    private async Task GatherAsync(int lastTurn)
    {
        var waited = TimeSpan.Zero;
        while (lastTurn > 1 && queue.Count < lastTurn && queue.Count < MaxCommandsPerWrite && waited < MaxGather)
        {
            var before = queue.Count;
            await Task.Delay(GatherStep);
            waited += GatherStep;
            if (before > 0 && queue.Count == before)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The longest a turn waits for more commands, and how often it looks. Real time, not the
    /// domain's clock: the wait is for callers on the wire, not for anything the rules count.
    /// </summary>
    private static readonly TimeSpan MaxGather = TimeSpan.FromMilliseconds(3);
    private static readonly TimeSpan GatherStep = TimeSpan.FromMilliseconds(1);

    private async Task WriteAloneAsync(QueuedCommand command)
    {
        try
        {
            command.Outcome.SetResult(await WriteAsync([command]));
        }
        catch (Exception failure)
        {
            command.Outcome.SetException(failure);
        }
    }

    /// <summary>
    /// Runs commands on the run: first what is due anyway (lapsed offers pass on), then each
    /// command's rules in turn, then one write of everything that changed, guarded by the
    /// run's version. The state comes from memory: this activation is the only one in the
    /// cluster, so it read the run once and has written every change since. If the write finds
    /// the run moved on (a duplicate activation while membership changed, or a writer outside
    /// the grains), the commands run again on the run read under its row lock.
    /// </summary>
    /// <returns>False when there is no such run.</returns>
    private async Task<bool> WriteAsync(IReadOnlyList<QueuedCommand> commands)
    {
        // Staff rows are not the run's: never kept, so a removal elsewhere is seen. They are
        // read once for all the commands of the write, and only when a command needs them;
        // otherwise the write itself checks the rows of the people it books.
        var staffIds = commands.SelectMany(c => c.StaffIds).Distinct().ToList();
        var staff = new NamedStaff(staffIds.Count == 0 ? NoStaff : null);
        for (var locked = false; ; locked = true)
        {
            if (locked && staff.Read is null)
            {
                staff = new NamedStaff(await schools.FindStaffAsync(staffIds));
            }
            var now = clock.GetUtcNow();
            var current = locked ? null : held;
            // Until this write is stored, a failure part-way must not leave a half-applied state behind.
            held = null;
            SaveOutcome outcome;
            await using (var connection = await dataSource.OpenConnectionAsync())
            // The write is one statement; the transaction holds the messages it causes with it
            // (and, for the retry, the row lock), so people hear of exactly what was stored.
            await using (var transaction = await connection.BeginTransactionAsync())
            {
                current ??= await store.ReadAsync(connection, transaction, RunId, forUpdate: locked);
                if (current is null)
                {
                    return false;
                }
                current.Settle(now, Policy.OfferWindow);
                foreach (var command in commands)
                {
                    command.Apply(current, now, staff);
                }
                var changes = BookingNotifications.Capture(current);
                outcome = staff.Needed ? SaveOutcome.Stale : await store.SaveAsync(connection, transaction, current, now);
                if (outcome == SaveOutcome.Stale)
                {
                    if (locked)
                    {
                        throw new InvalidOperationException($"Run {RunId} changed under its own row lock.");
                    }
                    // The run moved on, a command needs the staff rows, or a row the write
                    // checked did not hold: the commands run again on the run read under its
                    // lock, with the rows read.
                    continue;
                }
                if (outcome == SaveOutcome.Written)
                {
                    await notifications.WriteAsync(connection, transaction, current, changes);
                }
                await transaction.CommitAsync();
            }
            var offersChanged = current.OffersChanged;
            current.MarkWritten(outcome);
            held = current;
            if (offersChanged)
            {
                if (current.EarliestOfferExpiry is { } next)
                {
                    await this.SetDueReminderAsync(OfferExpiryReminder, next - now);
                }
                else
                {
                    await this.ClearDueReminderAsync(OfferExpiryReminder);
                }
            }
            return true;
        }
    }

    /// <summary>A command's rules, applied to the run's state with the staff it named.</summary>
    private delegate void RunCommand(CourseRunState state, DateTimeOffset now, NamedStaff staff);

    /// <summary>
    /// The staff rows a write's commands named: read, or not (yet). A command that cannot
    /// decide without them says so, and the write runs again with them read.
    /// </summary>
    private sealed class NamedStaff(IReadOnlyDictionary<long, StaffMember>? read)
    {
        public IReadOnlyDictionary<long, StaffMember>? Read { get; } = read;

        public bool Needed { get; private set; }

        public void Need() => Needed = true;
    }

    private sealed class QueuedCommand(IReadOnlyList<long> staffIds, RunCommand apply)
    {
        public IReadOnlyList<long> StaffIds { get; } = staffIds;

        public RunCommand Apply { get; } = apply;

        /// <summary>Continues the caller on its own turn, not inside the writer's loop.</summary>
        public TaskCompletionSource<bool> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// The bookings just made, as written: new ones join the end of the waiting list, so
    /// their positions count back from its length without reading it again.
    /// </summary>
    private List<Booking> Outcomes(List<LiveBooking> placed, int waitlistLength)
    {
        var queued = placed.Where(b => b.Status == BookingStatus.WAITLISTED).ToList();
        return placed.Select(b => new Booking(
            b.Id, RunId, b.StaffId, b.SchoolUrn, b.Status,
            b.Status == BookingStatus.WAITLISTED ? waitlistLength - (queued.Count - 1 - queued.IndexOf(b)) : null,
            null, b.BookedAt, null, null, null, 0)).ToList();
    }

    /// <summary>The booking, when it exists and is on this run.</summary>
    private async Task<Booking?> FindOwnBookingAsync(long bookingId) =>
        await bookings.FindAsync(bookingId) is { } booking && booking.RunId == RunId ? booking : null;

    /// <summary>Evaluations and follow-ups: by the booked person, on a confirmed booking.</summary>
    private async Task<DomainError?> CheckFeedbackAsync(Viewer viewer, long bookingId)
    {
        if (await FindOwnBookingAsync(bookingId) is not { } booking)
        {
            return DomainError.NotFound("No booking has that id.", "input", "bookingId");
        }
        if (viewer.StaffId != booking.StaffId)
        {
            return DomainError.NotAllowed("Only the person booked may give this.");
        }
        return booking.Status == BookingStatus.CONFIRMED ? null : DomainError.Invalid("Only a confirmed booking can be evaluated or followed up.", "input", "bookingId");
    }

    private static bool MayActOn(Viewer viewer, Booking booking) =>
        viewer.IsAdmin || (viewer.Has(Role.SCHOOL_BOOKER) && viewer.SchoolUrn == booking.SchoolUrn) || viewer.StaffId == booking.StaffId;

    private static bool MayRun(Viewer viewer, CourseRunState state) =>
        viewer.IsAdmin || (viewer.Has(Role.PROVIDER) && state.ProviderAccountId == viewer.AccountId);

    private static BookPlacesResult Refused(DomainError error) => new([], [error]);

    private static long? ParseId(string? id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}
