using System.Globalization;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Messages;
using InclusionNetwork.Grains.TermDates;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InclusionNetwork.Grains.Bookings;

/// <summary>
/// What falls due on a run after it is booked: a reminder to each person confirmed some working
/// days before it starts, a request for an evaluation to each person who attended once it has
/// ended, and a request for the follow-up to each person who completed it once the follow-up
/// opens. The run's grain runs this on each tick of its reminder: it reads the run and its
/// bookings as they are now and writes only what is still true (a cancelled booking or run, an
/// evaluation already given: nothing), each message keyed by its event, so a tick that comes
/// again writes nothing more. It answers when something next falls due.
/// </summary>
public sealed class CourseRunMilestones(
    NpgsqlDataSource dataSource,
    Outbox outbox,
    EmailComposer composer,
    IOptions<BookingOptions> booking,
    IOptions<CourseReminderOptions> reminders,
    IOptions<PeopleOptions> people,
    DomainClock clock)
{
    /// <summary>A reminder of a course starting soon goes at this London time.</summary>
    private static readonly TimeOnly ReminderTime = new(8, 0);

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private sealed record Run(bool Cancelled, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Title, string? Venue);

    private sealed record Person(long BookingId, string Email, string Name, DateTimeOffset? CompletedAt);

    /// <summary>Writes what is due now; returns when something next falls due, and whether a new place changes nothing before then.</summary>
    public async Task<MilestonesDue> SettleAsync(long runId)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (await RunAsync(connection, transaction, runId) is not { Cancelled: false } run)
        {
            return new MilestonesDue(null, false);
        }
        var startsSoon = await StartsSoonAtAsync(connection, transaction, run.StartsAt);
        DateTimeOffset? next = null;
        if (now < startsSoon)
        {
            next = startsSoon;
        }
        else if (now < run.StartsAt)
        {
            await StartsSoonAsync(connection, transaction, runId, run);
            next = run.EndsAt;
        }
        else if (now < run.EndsAt)
        {
            next = run.EndsAt;
        }
        else
        {
            await EndedAsync(connection, transaction, runId, run);
            next = await FollowUpsAsync(connection, transaction, runId, run, now);
        }
        await transaction.CommitAsync();
        // Before "starts soon" a new place has nothing due: that moment writes to everyone booked by then.
        return new MilestonesDue(next, now < startsSoon);
    }

    /// <summary>The moment of the reminder: that many working days before the day the run starts, in the morning.</summary>
    private async Task<DateTimeOffset> StartsSoonAtAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset startsAt)
    {
        var startDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(startsAt, London).DateTime);
        var days = Math.Max(0, reminders.Value.CourseStartsWorkingDays);
        var calendar = await TermCalendarStore.LoadAsync(connection, transaction, startDay.AddDays(-days * 7 - 7), startDay, []);
        // A run in the holidays counts plain weekdays back, not the school days weeks before.
        var day = (calendar.IsTermTime(startDay) ? calendar.SubtractWorkingDays(startDay, days) : null) ?? Weekdays(startDay, days);
        var local = day.ToDateTime(ReminderTime, DateTimeKind.Unspecified);
        var at = new DateTimeOffset(local, London.GetUtcOffset(local));
        return at < startsAt ? at : startsAt;
    }

    /// <summary>Where no term dates are known, working days are the weekdays.</summary>
    private static DateOnly Weekdays(DateOnly from, int count)
    {
        var date = from;
        for (var found = 0; found < count;)
        {
            date = date.AddDays(-1);
            if (!TermCalendar.IsWeekend(date))
            {
                found++;
            }
        }
        return date;
    }

    private async Task StartsSoonAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, Run run)
    {
        var startDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(run.StartsAt, London).DateTime);
        var when = TimeZoneInfo.ConvertTime(run.StartsAt, London).ToString("dddd d MMMM yyyy 'at' HH:mm", English);
        var where = run.Venue is { } venue ? $"It is at {venue}." : "It is online: the joining details are on your booking.";
        foreach (var person in await PeopleAsync(connection, transaction, runId, "TRUE"))
        {
            var email = composer.Compose(person.Name, $"Reminder: {run.Title} starts on {when}",
                [$"{run.Title} starts on {when}. {where}", "You are getting this reminder because you have a confirmed place on it.",
                 "If you can no longer go, cancel your place so it can be offered to someone on the waiting list:"],
                BookingPage(person.BookingId));
            await outbox.EnqueueAsync(connection, transaction, new OutboxItem("COURSE_STARTS_SOON", person.Email, email)
            {
                Category = NotificationCategory.Reminder,
                EventKey = string.Create(CultureInfo.InvariantCulture, $"run:{runId}:starts-soon:{startDay:yyyy-MM-dd}"),
            });
        }
    }

    private async Task EndedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, Run run)
    {
        var attended = """
            EXISTS (SELECT 1 FROM attendance a WHERE a.booking_id = b.id AND a.present)
            AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.booking_id = b.id)
            """;
        foreach (var person in await PeopleAsync(connection, transaction, runId, attended))
        {
            var email = composer.Compose(person.Name, $"How was {run.Title}? Give your evaluation",
                [$"You attended {run.Title}. Tell us how useful it was: it takes two minutes, and providers and the council use the answers to improve courses.",
                 "You are getting this because you attended the course.", "Give your evaluation on your booking:"],
                BookingPage(person.BookingId));
            await outbox.EnqueueAsync(connection, transaction, new OutboxItem("EVALUATION_REQUESTED", person.Email, email)
            {
                Category = NotificationCategory.Prompt,
                EventKey = string.Create(CultureInfo.InvariantCulture, $"booking:{person.BookingId}:evaluation"),
            });
        }
    }

    /// <summary>Asks each person whose follow-up has opened; returns when the next one opens.</summary>
    private async Task<DateTimeOffset?> FollowUpsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, Run run, DateTimeOffset now)
    {
        var after = booking.Value.FollowUpAfter;
        DateTimeOffset? next = null;
        var open = "b.completed_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.booking_id = b.id)";
        foreach (var person in await PeopleAsync(connection, transaction, runId, open))
        {
            var opens = person.CompletedAt!.Value + after;
            if (opens > now)
            {
                next = next is { } earlier && earlier < opens ? earlier : opens;
                continue;
            }
            var email = composer.Compose(person.Name, $"{run.Title}: how have you used it?",
                [$"It is {after.TotalDays:0} days since you completed {run.Title}. Tell us whether you have put what you learned into practice, and how.",
                 "You are getting this because you completed the course.", "Give your follow-up on your booking:"],
                BookingPage(person.BookingId));
            await outbox.EnqueueAsync(connection, transaction, new OutboxItem("FOLLOW_UP_DUE", person.Email, email)
            {
                Category = NotificationCategory.Prompt,
                EventKey = string.Create(CultureInfo.InvariantCulture, $"booking:{person.BookingId}:follow-up"),
            });
        }
        return next;
    }

    private Uri BookingPage(long bookingId) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{people.Value.PublicBaseUrl.TrimEnd('/')}/my/bookings/{bookingId}"));

    private static async Task<Run?> RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long runId)
    {
        await using var command = new NpgsqlCommand("""
            SELECT r.status = 'CANCELLED', r.starts_at, r.ends_at, c.title, r.venue FROM course_runs r JOIN courses c ON c.id = r.course_id WHERE r.id = @run
            """, connection, transaction);
        command.Parameters.AddWithValue("run", runId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new Run(reader.GetBoolean(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4))
            : null;
    }

    /// <summary>
    /// The people confirmed on the run for whom <paramref name="condition"/> (over booking <c>b</c>)
    /// holds, at their own address: the one on their staff record, else their account's.
    /// </summary>
    private static async Task<IReadOnlyList<Person>> PeopleAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, string condition)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT b.id, coalesce(s.email, (SELECT a.email FROM accounts a WHERE a.staff_id = s.id AND a.disabled_at IS NULL ORDER BY a.id LIMIT 1)), s.name, b.completed_at
            FROM bookings b JOIN staff s ON s.id = b.staff_id
            WHERE b.run_id = @run AND b.status = 'CONFIRMED' AND s.removed_at IS NULL AND ({condition})
            ORDER BY b.id
            """, connection, transaction);
        command.Parameters.AddWithValue("run", runId);
        var people = new List<Person>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (!reader.IsDBNull(1))
            {
                people.Add(new Person(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3)));
            }
        }
        return people;
    }
}

/// <summary>What <see cref="CourseRunMilestones.SettleAsync"/> left ahead.</summary>
/// <param name="Next">When something next falls due; null when nothing will.</param>
/// <param name="QuietUntilNext">True when a new place needs no settling before <paramref name="Next"/>.</param>
public readonly record struct MilestonesDue(DateTimeOffset? Next, bool QuietUntilNext);
