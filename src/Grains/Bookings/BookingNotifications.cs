using System.Globalization;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Calendars;
using InclusionNetwork.Grains.Messages;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InclusionNetwork.Grains.Bookings;

/// <summary>
/// Tells people what a write did to their bookings: places booked (confirmed or on the waiting
/// list), a place offered, an offer lapsed, a booking cancelled, the run cancelled, a session moved. The messages
/// are written in the write's own transaction, so they exist exactly when the change is stored,
/// and each names its event (<c>booking:{id}:offered</c>), so a write that runs again writes
/// nothing twice. They are all essential: nobody can turn off news of their own places.
/// Messages about a place the person's calendar shows carry an invitation built from the feed's
/// own events, so it updates the entry the feed (or an earlier message) put there.
/// </summary>
public sealed class BookingNotifications(Outbox outbox, EmailComposer composer, BookingFeedQuery feeds, IOptions<PeopleOptions> people)
{
    /// <summary>
    /// What the commands did to the run's bookings, taken before the store writes them (new
    /// bookings get their ids in the write, so this keeps the objects, read after it).
    /// </summary>
    public static BookingChanges Capture(CourseRunState state)
    {
        var changes = new List<BookingChange>();
        var waitlist = state.Bookings.Where(b => b.Status == BookingStatus.WAITLISTED).ToList();
        foreach (var booking in state.Bookings)
        {
            if (booking.IsNew)
            {
                changes.Add(new BookingChange(booking, BookingChangeKind.Booked,
                    booking.Status == BookingStatus.WAITLISTED ? waitlist.IndexOf(booking) + 1 : null));
            }
            else if (booking.Changed && booking.Status == BookingStatus.OFFERED)
            {
                changes.Add(new BookingChange(booking, BookingChangeKind.Offered, null));
            }
            else if (booking.Changed && booking.Status == BookingStatus.CANCELLED)
            {
                changes.Add(new BookingChange(booking, BookingChangeKind.Cancelled, null));
            }
        }
        // A session moved: everyone holding or waiting for a place hears of the new time.
        if (state.MovedSession is not null)
        {
            changes.AddRange(state.Bookings.Where(b => b.Status != BookingStatus.CANCELLED)
                .Select(b => new BookingChange(b, BookingChangeKind.SessionMoved, null)));
        }
        return new BookingChanges(changes, state.RunChanged && state.Run.Cancelled, state.CancelReason) { MovedSession = state.MovedSession };
    }

    /// <summary>Writes the messages for what was stored; call in the write's transaction, after the store's write.</summary>
    public async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CourseRunState state, BookingChanges changes,
        CancellationToken cancellationToken = default)
    {
        if (changes.Items.Count == 0)
        {
            return;
        }
        var facts = await ReadFactsAsync(connection, transaction, state.Run.Id, changes, cancellationToken);
        // Only a change a calendar shows carries an invitation: a place on the waiting list shows
        // in no feed, so a write of waiting places alone reads no feed (on a full run, most writes).
        var shown = changes.Items.Where(c => c.Kind != BookingChangeKind.Booked || c.Booking.Status == BookingStatus.CONFIRMED).ToList();
        var staffEvents = await feeds.ForStaffOnRunAsync(connection, transaction, state.Run.Id,
            [.. shown.Select(c => c.Booking.StaffId).Distinct()], cancellationToken);
        var schoolEvents = await feeds.ForSchoolsOnRunAsync(connection, transaction, state.Run.Id,
            [.. shown.Select(c => c.Booking.SchoolUrn).Distinct()], cancellationToken);
        var organizer = CalendarInvitations.Organizer(composer.Settings);
        var run = facts.Run;
        var starts = London.Describe(state.Run.StartsAt);

        CalendarInvitation? PersonInvitation(LiveBooking booking, Person person) =>
            CalendarInvitations.For([.. staffEvents[booking.StaffId]], organizer, person.Email, person.Name);

        CalendarInvitation? SchoolInvitation(string urn, Person booker) =>
            CalendarInvitations.For([.. schoolEvents[urn]], organizer, booker.Email, booker.Name);

        // Every message of the write goes to the outbox in one round trip, after they are all composed.
        var messages = new List<OutboxItem>();
        void Send(string kind, string eventKey, Person to, ComposedEmail email) =>
            messages.Add(new OutboxItem(kind, to.Email, email) { EventKey = eventKey });

        // Messages to the person booked, one per booking.
        foreach (var change in changes.Items)
        {
            var booking = change.Booking;
            var details = facts.Bookings[booking.Id];
            if (details.Person is not { } person)
            {
                continue;
            }
            var page = Page($"my/bookings/{Id(booking.Id)}");
            var why = $"You are getting this email because you are booked on this course through {details.SchoolName}.";
            switch (change.Kind)
            {
                case BookingChangeKind.Booked when booking.Status == BookingStatus.CONFIRMED:
                    Send("PLACE_BOOKED", Key(booking, "booked"), person, composer.Compose(person.Name, $"You have a place on {run.Title}",
                        [$"{details.BookedByName ?? details.SchoolName} booked you a place on {run.Title}, run by {run.Provider}. It starts on {starts}.", why,
                         "Your booking, and how to cancel it, are on this page:"], page) with { Invitation = PersonInvitation(booking, person) });
                    break;
                case BookingChangeKind.Booked:
                    Send("PLACE_WAITLISTED", Key(booking, "booked"), person, composer.Compose(person.Name, $"You are on the waiting list for {run.Title}",
                        [$"{details.BookedByName ?? details.SchoolName} asked for a place for you on {run.Title}, which starts on {starts}. The course is full, so you are number {change.WaitlistPosition} on the waiting list.",
                         "If a place comes free we will email you, and you will have a limited time to accept it.", why,
                         "Your booking is on this page:"], page));
                    break;
                case BookingChangeKind.Offered:
                    Send("PLACE_OFFERED", Key(booking, "offered"), person, composer.Compose(person.Name, $"A place is offered to you on {run.Title}",
                        [$"A place has come free on {run.Title}, which starts on {starts}. You were next on the waiting list.",
                         $"Accept it by {London.Describe(booking.OfferExpiresAt!.Value)}. If you do not, it passes to the next person on the waiting list.", why,
                         "Accept or decline the place on this page:"], page) with { Invitation = PersonInvitation(booking, person) });
                    break;
                case BookingChangeKind.Cancelled:
                    var (subject, words) = Cancelled(booking, run, starts, changes.RunCancelReason, "you", "your");
                    Send(KindOf(booking), Key(booking, "cancelled"), person, composer.Compose(person.Name, subject,
                        [.. words, why, "Your booking is on this page:"], page) with { Invitation = PersonInvitation(booking, person) });
                    break;
                case BookingChangeKind.SessionMoved:
                    var moved = changes.MovedSession!;
                    Send("SESSION_MOVED", MovedKey(moved), person, composer.Compose(person.Name, $"New time: {run.Title}",
                        [.. Moved(run, moved), booking.Status == BookingStatus.WAITLISTED ? "You are still on the waiting list; your place in it is unchanged." : "Your booking stands at the new time.",
                         why, "Your booking is on this page:"], page) with { Invitation = PersonInvitation(booking, person) });
                    break;
            }
        }

        // The account that booked: one message per booker for the places of this write.
        foreach (var group in changes.Items.Where(c => c.Kind == BookingChangeKind.Booked)
                     .GroupBy(c => facts.Bookings[c.Booking.Id].BookedBy).Where(g => g.Key is not null))
        {
            var booker = group.Key!;
            var lines = group.Select(c => c.Booking.Status == BookingStatus.CONFIRMED
                ? $"{facts.Bookings[c.Booking.Id].StaffName}: place confirmed."
                : $"{facts.Bookings[c.Booking.Id].StaffName}: on the waiting list, number {c.WaitlistPosition}.").ToList();
            var first = group.Min(c => c.Booking.Id);
            var urns = group.Select(c => c.Booking.SchoolUrn).Distinct().ToList();
            var confirmed = group.Any(c => c.Booking.Status == BookingStatus.CONFIRMED);
            Send("PLACES_BOOKED", $"booking:{Id(first)}:booked:booker", booker, composer.Compose(booker.Name, $"Places booked on {run.Title}",
                [$"You booked places on {run.Title}, run by {run.Provider}. It starts on {starts}.", .. lines,
                 "You are getting this email because you made these bookings.", "Your school's bookings are on this page:"],
                Page("school/bookings")) with { Invitation = confirmed && urns.Count == 1 ? SchoolInvitation(urns[0], booker) : null });
        }

        // The school's bookers: offers and cancellations, so someone at the school can act.
        foreach (var change in changes.Items.Where(c => (c.Kind is BookingChangeKind.Offered or BookingChangeKind.Cancelled) && !changes.RunCancelled))
        {
            var booking = change.Booking;
            var details = facts.Bookings[booking.Id];
            foreach (var booker in facts.BookersOf(booking.SchoolUrn))
            {
                var why = $"You are getting this email because you book courses for {details.SchoolName}.";
                if (change.Kind == BookingChangeKind.Offered)
                {
                    Send("PLACE_OFFERED", Key(booking, "offered"), booker, composer.Compose(booker.Name, $"A place is offered to {details.StaffName} on {run.Title}",
                        [$"A place has come free on {run.Title}, which starts on {starts}, and is offered to {details.StaffName}, who was next on the waiting list.",
                         $"It must be accepted by {London.Describe(booking.OfferExpiresAt!.Value)}, or it passes to the next person on the waiting list.", why,
                         "You can accept or decline it for them on this page:"], Page("school/bookings")));
                }
                else
                {
                    var (subject, words) = Cancelled(booking, run, starts, null, details.StaffName, details.StaffName + "'s");
                    Send(KindOf(booking), Key(booking, "cancelled"), booker, composer.Compose(booker.Name, subject,
                        [.. words, why, "Your school's bookings are on this page:"], Page("school/bookings"))
                        with { Invitation = booking.ConfirmedAt is not null ? SchoolInvitation(booking.SchoolUrn, booker) : null });
                }
            }
        }

        // A cancelled run: each school's bookers hear once, with everyone of theirs it affected.
        if (changes.RunCancelled)
        {
            foreach (var school in changes.Items.GroupBy(c => c.Booking.SchoolUrn))
            {
                var names = school.Select(c => facts.Bookings[c.Booking.Id].StaffName).Order(StringComparer.Ordinal).ToList();
                foreach (var booker in facts.BookersOf(school.Key))
                {
                    var schoolName = facts.Bookings[school.First().Booking.Id].SchoolName;
                    Send("RUN_CANCELLED", $"run:{Id(state.Run.Id)}:cancelled", booker, composer.Compose(booker.Name, $"Cancelled: {run.Title} on {starts}",
                        [$"{run.Provider} cancelled {run.Title}, which was to start on {starts}. Every booking on it is cancelled.",
                         .. Reason(changes.RunCancelReason),
                         $"Booked from {schoolName}: {string.Join(", ", names)}.",
                         $"You are getting this email because you book courses for {schoolName}.", "Your school's bookings are on this page:"],
                        Page("school/bookings")) with { Invitation = SchoolInvitation(school.Key, booker) });
                }
            }
        }

        // A moved session: each school's bookers hear once, with everyone of theirs booked on the run.
        if (changes.MovedSession is { } move)
        {
            foreach (var school in changes.Items.Where(c => c.Kind == BookingChangeKind.SessionMoved).GroupBy(c => c.Booking.SchoolUrn))
            {
                var names = school.Select(c => facts.Bookings[c.Booking.Id].StaffName).Order(StringComparer.Ordinal).ToList();
                var schoolName = facts.Bookings[school.First().Booking.Id].SchoolName;
                foreach (var booker in facts.BookersOf(school.Key))
                {
                    Send("SESSION_MOVED", MovedKey(move), booker, composer.Compose(booker.Name, $"New time: {run.Title}",
                        [.. Moved(run, move),
                         $"Booked from {schoolName}: {string.Join(", ", names)}.",
                         $"You are getting this email because you book courses for {schoolName}.", "Your school's bookings are on this page:"],
                        Page("school/bookings")) with { Invitation = SchoolInvitation(school.Key, booker) });
                }
            }
        }
        await outbox.EnqueueAllAsync(connection, transaction, messages, cancellationToken);
    }

    private static string[] Moved(RunFacts run, SessionMove move) =>
        [$"{run.Provider} moved a session of {run.Title}. It was to start on {London.Describe(move.PreviousStartsAt)}; it now starts on {London.Describe(move.StartsAt)} and ends at {London.Describe(move.EndsAt)[^5..]}."];

    /// <summary>One event per move: the session's SEQUENCE after it, so a later move is news again.</summary>
    private static string MovedKey(SessionMove move) =>
        $"session:{Id(move.SessionId)}:moved:{move.Sequence.ToString(CultureInfo.InvariantCulture)}";

    private static (string Subject, IReadOnlyList<string> Words) Cancelled(LiveBooking booking, RunFacts run, string starts, string? runReason, string who, string whose) =>
        booking.Cancellation switch
        {
            Cancellation.OFFER_LAPSED => ($"The place offered on {run.Title} has lapsed",
                [$"The place on {run.Title} offered to {who} was not accepted in time, so it has passed to the next person on the waiting list."]),
            Cancellation.OFFER_DECLINED => ($"Place declined on {run.Title}",
                [$"The place on {run.Title} offered to {who} was declined, so it has passed to the next person on the waiting list."]),
            Cancellation.RUN_CANCELLED => ($"Cancelled: {run.Title} on {starts}",
                [$"{run.Provider} cancelled {run.Title}, which was to start on {starts}, so {whose} booking is cancelled.", .. Reason(runReason)]),
            _ => ($"Booking cancelled on {run.Title}",
                [$"{Capitalised(whose)} booking on {run.Title}, which starts on {starts}, is cancelled.", .. Reason(booking.CancelReason)]),
        };

    private static string[] Reason(string? reason) => string.IsNullOrWhiteSpace(reason) ? [] : [$"The reason given: {reason.Trim()}"];

    private static string Capitalised(string words) => words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];

    private static string KindOf(LiveBooking booking) => booking.Cancellation switch
    {
        Cancellation.OFFER_LAPSED => "OFFER_LAPSED",
        Cancellation.OFFER_DECLINED => "OFFER_DECLINED",
        Cancellation.RUN_CANCELLED => "RUN_CANCELLED",
        _ => "BOOKING_CANCELLED",
    };

    private static string Key(LiveBooking booking, string what) => $"booking:{Id(booking.Id)}:{what}";

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private Uri Page(string path) => new($"{people.Value.PublicBaseUrl.TrimEnd('/')}/{path}");

    /// <summary>Everything the messages name, read in one round trip inside the write's transaction.</summary>
    private static async Task<Facts> ReadFactsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, BookingChanges changes,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        var run = new NpgsqlBatchCommand("""
            SELECT c.title, c.provider FROM course_runs r JOIN courses c ON c.id = r.course_id WHERE r.id = @run
            """);
        run.Parameters.AddWithValue("run", runId);
        // The person's address: their staff record's, else their own account's. Erased or
        // deactivated people get nothing.
        var people = new NpgsqlBatchCommand("""
            SELECT b.id, st.name, CASE WHEN st.erased_at IS NULL THEN coalesce(st.email,
                       (SELECT a.email FROM accounts a WHERE a.staff_id = st.id AND a.disabled_at IS NULL AND a.erased_at IS NULL ORDER BY a.id LIMIT 1)) END,
                   sc.name, booker.email, booker.name
            FROM bookings b
            JOIN staff st ON st.id = b.staff_id
            JOIN schools sc ON sc.urn = b.school_urn
            LEFT JOIN accounts booker ON booker.id = b.booked_by AND booker.disabled_at IS NULL AND booker.erased_at IS NULL
            WHERE b.id = ANY(@ids)
            """);
        people.Parameters.AddWithValue("ids", changes.Items.Select(c => c.Booking.Id).ToArray());
        var bookers = new NpgsqlBatchCommand("""
            SELECT a.school_urn, a.email, a.name FROM accounts a
            WHERE a.school_urn = ANY(@urns) AND a.disabled_at IS NULL AND a.erased_at IS NULL
              AND EXISTS (SELECT 1 FROM account_roles r WHERE r.account_id = a.id AND r.role = 'SCHOOL_BOOKER')
            ORDER BY a.id
            """);
        bookers.Parameters.AddWithValue("urns", changes.Items.Select(c => c.Booking.SchoolUrn).Distinct().ToArray());
        batch.BatchCommands.Add(run);
        batch.BatchCommands.Add(people);
        batch.BatchCommands.Add(bookers);
        // Read on every write that tells anyone anything: prepared, as the write itself is.
        await batch.PrepareAsync(cancellationToken);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var facts = new RunFacts(reader.GetString(0), reader.GetString(1));
        await reader.NextResultAsync(cancellationToken);
        var bookings = new Dictionary<long, BookingFacts>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(1);
            bookings[reader.GetInt64(0)] = new BookingFacts(
                name,
                reader.IsDBNull(2) ? null : new Person(reader.GetString(2), name),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : new Person(reader.GetString(4), reader.GetString(5)));
        }
        await reader.NextResultAsync(cancellationToken);
        var schoolBookers = new List<(string Urn, Person Booker)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            schoolBookers.Add((reader.GetString(0), new Person(reader.GetString(1), reader.GetString(2))));
        }
        return new Facts(facts, bookings, schoolBookers.ToLookup(b => b.Urn, b => b.Booker));
    }

    private sealed record Person(string Email, string Name);

    private sealed record RunFacts(string Title, string Provider);

    private sealed record BookingFacts(string StaffName, Person? Person, string SchoolName, Person? BookedBy)
    {
        public string? BookedByName => BookedBy?.Name;
    }

    private sealed record Facts(RunFacts Run, IReadOnlyDictionary<long, BookingFacts> Bookings, ILookup<string, Person> Bookers)
    {
        public IEnumerable<Person> BookersOf(string urn) => Bookers[urn];
    }
}

public enum BookingChangeKind { Booked, Offered, Cancelled, SessionMoved }

/// <param name="WaitlistPosition">For a booking placed on the waiting list, its place in the queue.</param>
public sealed record BookingChange(LiveBooking Booking, BookingChangeKind Kind, int? WaitlistPosition);

/// <summary>What one write did to a run's bookings (see <see cref="BookingNotifications.Capture"/>).</summary>
public sealed record BookingChanges(IReadOnlyList<BookingChange> Items, bool RunCancelled, string? RunCancelReason)
{
    /// <summary>The session the write moved, with its new SEQUENCE once written.</summary>
    public SessionMove? MovedSession { get; init; }
}
