using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using InclusionNetwork.Grains.Bookings;
using InclusionNetwork.Silo.Tests.Bookings;
using InclusionNetwork.Silo.Tests.Calendars;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Orleans;

namespace InclusionNetwork.Silo.Tests.Notifications;

/// <summary>
/// What people hear about their places, end to end: GraphQL changes bookings, the Silo's
/// dispatcher sends to a real SMTP server, and the invitations parse with Python's icalendar
/// and carry the UID and SEQUENCE of the person's own calendar download.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BookingNotificationTests(PostgresFixture postgres)
{
    private const string PublicBaseUrl = "https://inclusion.county.example";

    [Fact]
    public async Task Bookings_offers_lapses_cancellations_and_a_cancelled_run_reach_the_person_and_their_bookers_once_each()
    {
        await using var smtp = TestSmtpServer.Start();
        await using var world = await BookingWorld.StartAsync(postgres, settings:
        [
            .. smtp.Settings,
            new("App:PublicBaseUrl", PublicBaseUrl),
            new("Email:From", "Kent inclusion service <no-reply@kent.example>"),
        ]);
        var school = (await world.SchoolsAsync(1))[0];
        var staff = await world.StaffOfAsync(school);
        var booker = await world.BookerAsync(school);
        var bookerEmail = $"booker.{school}@demo.test";
        var emails = new List<string>();
        foreach (var id in staff.Take(4))
        {
            emails.Add(await world.ScalarAsync<string>("SELECT email FROM staff WHERE id = @id", ("id", id)));
        }
        var run = await world.ScheduleRunAsync(capacity: 1, sessionDays: [20, 21]);

        // Places booked: the first is confirmed, the next two wait in order.
        var confirmed = Ids(await BookingWorld.BookAsync(booker, run, staff[0]))[0];
        var waiting = Ids(await BookingWorld.BookAsync(booker, run, staff[1], staff[2]));

        var booked = await OneAsync(smtp, emails[0], "You have a place on Inclusive Practices");
        Assert.Contains("You are getting this email because you are booked on this course", Text(booked));
        Assert.Contains($"{PublicBaseUrl}/my/bookings/{confirmed}", Text(booked));
        await AssertInvitationMatchesDownloadAsync(booked, "REQUEST", await world.StaffAsync(staff[0]), confirmed);
        var first = await OneAsync(smtp, emails[1], "You are on the waiting list for Inclusive Practices");
        Assert.Contains("you are number 1 on the waiting list", Text(first));
        Assert.Null(Invitation(first));
        Assert.Contains("you are number 2 on the waiting list", Text(await OneAsync(smtp, emails[2], "You are on the waiting list for Inclusive Practices")));
        var summaries = await smtp.WaitForAsync(2, m => To(m, bookerEmail) && m.Subject == "Places booked on Inclusive Practices");
        Assert.Contains(summaries, m => Text(m).Contains(": place confirmed.", StringComparison.Ordinal) && Text(m).Contains($"{PublicBaseUrl}/school/bookings", StringComparison.Ordinal));
        Assert.Contains(summaries, m => Text(m).Contains(": on the waiting list, number 2.", StringComparison.Ordinal));

        // A booking cancelled: the person's calendar entry is cancelled, and the place is offered
        // to the head of the waiting list, who accepts it through the link's page.
        Assert.Empty((await BookingWorld.OnBookingAsync(booker, "cancelBooking", confirmed, new { reason = "Needed in school" })).UserErrorCodes("cancelBooking"));
        var cancelled = await OneAsync(smtp, emails[0], "Booking cancelled on Inclusive Practices");
        Assert.Contains("The reason given: Needed in school", Text(cancelled));
        await AssertInvitationMatchesDownloadAsync(cancelled, "CANCEL", await world.StaffAsync(staff[0]), confirmed);
        var offer = await OneAsync(smtp, emails[1], "A place is offered to you on Inclusive Practices");
        Assert.Contains("Accept it by ", Text(offer));
        await AssertInvitationMatchesDownloadAsync(offer, "REQUEST", await world.StaffAsync(staff[1]), waiting[0]);
        var link = Regex.Match(Text(offer), Regex.Escape(PublicBaseUrl) + "/my/bookings/([0-9]+)");
        Assert.True(link.Success, Text(offer));
        Assert.Equal(waiting[0], link.Groups[1].Value);
        Assert.Contains("is offered to", Text(await OneAsync(smtp, bookerEmail, $"A place is offered to {await NameAsync(world, staff[1])} on Inclusive Practices")));
        await OneAsync(smtp, bookerEmail, "Booking cancelled on Inclusive Practices");
        var accepted = await BookingWorld.OnBookingAsync(await world.StaffAsync(staff[1]), "acceptOffer", link.Groups[1].Value);
        Assert.Empty(accepted.UserErrorCodes("acceptOffer"));
        Assert.Equal("CONFIRMED", accepted.Get("acceptOffer.booking.status").GetString());

        // The person gives the place up; the offer to the next person lapses unanswered.
        Assert.Empty((await BookingWorld.OnBookingAsync(await world.StaffAsync(staff[1]), "cancelBooking", waiting[0])).UserErrorCodes("cancelBooking"));
        await OneAsync(smtp, emails[2], "A place is offered to you on Inclusive Practices");
        world.Clock.Advance(TimeSpan.FromHours(49));
        var grain = world.Silo.Services.GetRequiredService<IGrainFactory>().GetGrain<ICourseRunGrain>(long.Parse(run, CultureInfo.InvariantCulture));
        await grain.SettleOffersAsync();
        await grain.SettleOffersAsync();
        var lapsed = await OneAsync(smtp, emails[2], "The place offered on Inclusive Practices has lapsed");
        Assert.Contains("passed to the next person on the waiting list", Text(lapsed));
        Assert.Equal("CANCEL", Invitation(lapsed)?.ContentType.Parameters["method"]);
        await OneAsync(smtp, bookerEmail, "The place offered on Inclusive Practices has lapsed");

        // The provider cancels the run: the person booked and the school's bookers hear why.
        var last = Ids(await BookingWorld.BookAsync(booker, run, staff[3]))[0];
        await OneAsync(smtp, emails[3], "You have a place on Inclusive Practices");
        var cancelRun = await (await world.ProviderAsync()).GraphQLAsync("""
            mutation($input: CancelRunInput!) { cancelRun(input: $input) { run { id } errors { code } } }
            """, new { input = new { runId = run, reason = "The trainer is unwell" } });
        Assert.Empty(cancelRun.UserErrorCodes("cancelRun"));
        var runCancelled = await smtp.WaitForAsync(1, m => To(m, emails[3]) && (m.Subject ?? "").StartsWith("Cancelled: Inclusive Practices", StringComparison.Ordinal));
        Assert.Contains("The reason given: The trainer is unwell", Text(runCancelled[0]));
        await AssertInvitationMatchesDownloadAsync(runCancelled[0], "CANCEL", await world.StaffAsync(staff[3]), last);
        var toBooker = await smtp.WaitForAsync(1, m => To(m, bookerEmail) && (m.Subject ?? "").StartsWith("Cancelled: Inclusive Practices", StringComparison.Ordinal));
        Assert.Contains(await NameAsync(world, staff[3]), Text(toBooker[0]));

        // Once each: every message written is a distinct event for its recipient, and all were sent once.
        var written = await world.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE event_key LIKE 'booking:%' OR event_key LIKE 'run:%'");
        await smtp.WaitForAsync((int)written, m => (m.Subject ?? "").Contains("Inclusive Practices", StringComparison.Ordinal));
        var received = smtp.Received.Where(m => (m.Subject ?? "").Contains("Inclusive Practices", StringComparison.Ordinal)).ToList();
        Assert.Equal(written, received.Count);
        // Everything about places is essential: no unsubscribe link on any of it.
        Assert.All(received, m => Assert.Null(m.Headers[HeaderId.ListUnsubscribe]));
    }

    [Fact]
    public async Task A_moved_session_reaches_everyone_booked_and_their_bookers_once_with_a_higher_sequence_and_only_the_provider_may_move_it()
    {
        await using var smtp = TestSmtpServer.Start();
        await using var world = await BookingWorld.StartAsync(postgres, settings:
        [
            .. smtp.Settings,
            new("App:PublicBaseUrl", PublicBaseUrl),
            new("Email:From", "Kent inclusion service <no-reply@kent.example>"),
        ]);
        var school = (await world.SchoolsAsync(1))[0];
        var staff = await world.StaffOfAsync(school);
        var booker = await world.BookerAsync(school);
        var bookerEmail = $"booker.{school}@demo.test";
        var confirmedEmail = await world.ScalarAsync<string>("SELECT email FROM staff WHERE id = @id", ("id", staff[0]));
        var waitingEmail = await world.ScalarAsync<string>("SELECT email FROM staff WHERE id = @id", ("id", staff[1]));
        var run = await world.ScheduleRunAsync(capacity: 1, sessionDays: [20, 21]);
        var confirmed = Ids(await BookingWorld.BookAsync(booker, run, staff[0]))[0];
        var waiting = Ids(await BookingWorld.BookAsync(booker, run, staff[1]))[0];
        var person = await world.StaffAsync(staff[0]);
        var before = Events(await DownloadAsync(person, confirmed));
        var sessions = await world.ListAsync<long>("SELECT id FROM course_sessions WHERE run_id = @run ORDER BY starts_at", ("run", long.Parse(run, CultureInfo.InvariantCulture)));
        var today = world.Clock.GetUtcNow().Date;
        string At(int day, double hour) => new DateTimeOffset(today.AddDays(day).AddHours(hour), TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture);
        const string Move = "mutation($input: MoveSessionInput!) { moveSession(input: $input) { session { id startsAt endsAt } run { id startsAt } errors { code path } } }";
        static object Input(long session, string startsAt, string endsAt) =>
            new { input = new { sessionId = session.ToString(CultureInfo.InvariantCulture), startsAt, endsAt } };

        // Only the course's provider and admins: another provider, a school's booker and the person booked are refused, whatever the session.
        await world.ScalarAsync<long>("""
            INSERT INTO accounts (email, name, password_hash, created_at)
            SELECT 'provider.other@demo.test', 'Another Training Provider', password_hash, created_at FROM accounts WHERE email = 'provider@demo.test'
            RETURNING id
            """);
        await world.ScalarAsync<long>("INSERT INTO account_roles (account_id, role) SELECT id, 'PROVIDER' FROM accounts WHERE email = 'provider.other@demo.test' RETURNING account_id");
        var otherProvider = await world.AsAsync("provider.other@demo.test");
        Assert.Equal(["NOT_ALLOWED"], (await otherProvider.GraphQLAsync(Move, Input(sessions[0], At(19, 10), At(19, 16)))).UserErrorCodes("moveSession"));
        // Those who are no provider are refused before the session is even looked up.
        foreach (var client in new[] { booker, person })
        {
            Assert.Equal(["NOT_ALLOWED"], (await client.GraphQLAsync(Move, Input(sessions[0], At(19, 10), At(19, 16)))).UserErrorCodes("moveSession"));
            Assert.Equal(["NOT_ALLOWED"], (await client.GraphQLAsync(Move, Input(999_999_999, At(19, 10), At(19, 16)))).UserErrorCodes("moveSession"));
        }
        var provider = await world.ProviderAsync();
        Assert.Equal(["NOT_FOUND"], (await provider.GraphQLAsync(Move, Input(999_999_999, At(19, 10), At(19, 16)))).UserErrorCodes("moveSession"));

        // Bad times: ending before starting, in the past, overlapping the next session or the one before.
        foreach (var (session, starts, ends, field) in new[]
                 {
                     (sessions[0], At(19, 16), At(19, 10), "endsAt"),
                     (sessions[0], At(-1, 10), At(-1, 16), "startsAt"),
                     (sessions[0], At(21, 8), At(21, 10), "endsAt"),
                     (sessions[1], At(20, 12), At(20, 17), "startsAt"),
                 })
        {
            var refused = await provider.GraphQLAsync(Move, Input(session, starts, ends));
            Assert.Equal(["INVALID"], refused.UserErrorCodes("moveSession"));
            Assert.Equal(JsonValueKind.Null, refused.Get("moveSession.session").ValueKind);
            Assert.Equal(field, refused.Get("moveSession.errors").EnumerateArray().Single().GetProperty("path").EnumerateArray().Last().GetString());
        }
        Assert.Equal(0L, await world.ScalarAsync<long>("SELECT count(*) FROM course_sessions WHERE run_id = @run AND sequence > 0", ("run", long.Parse(run, CultureInfo.InvariantCulture))));
        Assert.Equal(before, Events(await DownloadAsync(person, confirmed)));

        // The provider moves the first session a day earlier: the run starts then too.
        var moved = await provider.GraphQLAsync(Move, Input(sessions[0], At(19, 10), At(19, 16)));
        Assert.Empty(moved.UserErrorCodes("moveSession"));
        Assert.Equal(At(19, 10)[..16], moved.Get("moveSession.session.startsAt").GetString()![..16]);
        Assert.Equal(At(19, 10)[..16], moved.Get("moveSession.run.startsAt").GetString()![..16]);

        // The person with a place: an update to the same calendar entries, at a higher SEQUENCE.
        var toConfirmed = await OneAsync(smtp, confirmedEmail, "New time: Inclusive Practices");
        Assert.Contains($"{PublicBaseUrl}/my/bookings/{confirmed}", Text(toConfirmed));
        await AssertInvitationMatchesDownloadAsync(toConfirmed, "REQUEST", person, confirmed);
        var after = Events(await CalendarTools.IcalendarAsync(Invitation(toConfirmed)!.Text));
        Assert.Equal(before.Select(e => e.Item1), after.Select(e => e.Item1));
        Assert.True(after[0].Item2 > before[0].Item2, $"SEQUENCE {after[0].Item2} after the move, {before[0].Item2} before");
        // The person waiting hears too, without a calendar entry; the school's booker once, naming both.
        var toWaiting = await OneAsync(smtp, waitingEmail, "New time: Inclusive Practices");
        Assert.Contains($"{PublicBaseUrl}/my/bookings/{waiting}", Text(toWaiting));
        Assert.Contains("still on the waiting list", Text(toWaiting));
        Assert.Null(Invitation(toWaiting));
        var toBooker = await OneAsync(smtp, bookerEmail, "New time: Inclusive Practices");
        Assert.Contains(await NameAsync(world, staff[0]), Text(toBooker));
        Assert.Contains(await NameAsync(world, staff[1]), Text(toBooker));
        Assert.Contains($"{PublicBaseUrl}/school/bookings", Text(toBooker));
        Assert.Equal("REQUEST", Invitation(toBooker)?.ContentType.Parameters["method"]);

        // Once each: every message written about the move was sent, once.
        var written = await world.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE kind = 'SESSION_MOVED'");
        Assert.True(written >= 3, $"{written} messages written");
        await smtp.WaitForAsync((int)written, m => m.Subject == "New time: Inclusive Practices");
        Assert.Equal(written, smtp.Received.Count(m => m.Subject == "New time: Inclusive Practices"));
    }

    private static async Task<JsonElement> DownloadAsync(HttpClient person, string bookingId)
    {
        var download = await person.GetAsync($"/calendar/bookings/{bookingId}.ics");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        return await CalendarTools.IcalendarAsync(await download.Content.ReadAsStringAsync());
    }

    /// <summary>The only message with this subject to this address, waiting for it to arrive.</summary>
    private static async Task<MimeMessage> OneAsync(TestSmtpServer smtp, string to, string subject)
    {
        var matching = await smtp.WaitForAsync(1, m => To(m, to) && m.Subject == subject);
        return Assert.Single(matching);
    }

    private static string Text(MimeMessage message) => message.TextBody ?? "";

    private static bool To(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase));

    private static TextPart? Invitation(MimeMessage message) =>
        message.BodyParts.OfType<TextPart>().SingleOrDefault(p => p.ContentType.IsMimeType("text", "calendar"));

    /// <summary>
    /// The message's invitation parses with Python's icalendar, has the method, and names the
    /// same events with the same UIDs and SEQUENCEs as the person's own download of the booking.
    /// </summary>
    private static async Task AssertInvitationMatchesDownloadAsync(MimeMessage message, string method, HttpClient person, string bookingId)
    {
        var part = Invitation(message);
        Assert.NotNull(part);
        Assert.Equal(method, part.ContentType.Parameters["method"]);
        var invitation = await CalendarTools.IcalendarAsync(part.Text);
        Assert.Equal(method, invitation.GetProperty("method").GetString());
        var download = await person.GetAsync($"/calendar/bookings/{bookingId}.ics");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var feed = await CalendarTools.IcalendarAsync(await download.Content.ReadAsStringAsync());
        Assert.Equal(Events(feed), Events(invitation));
        Assert.Equal(2, invitation.GetProperty("events").GetArrayLength());
        Assert.All(invitation.GetProperty("events").EnumerateArray(),
            e => Assert.Equal(method == "CANCEL" ? "CANCELLED" : e.GetProperty("status").GetString(), e.GetProperty("status").GetString()));
    }

    private static List<(string?, int)> Events(JsonElement calendar) =>
        [.. calendar.GetProperty("events").EnumerateArray().Select(e => (e.GetProperty("uid").GetString(), e.GetProperty("sequence").GetInt32()))];

    private static Task<string> NameAsync(BookingWorld world, long staffId) =>
        world.ScalarAsync<string>("SELECT name FROM staff WHERE id = @id", ("id", staffId));

    private static List<string> Ids(GraphQLResponse response)
    {
        Assert.Empty(response.UserErrorCodes("bookPlaces"));
        return [.. response.Get("bookPlaces.bookings").EnumerateArray().Select(b => b.GetProperty("id").GetString()!)];
    }
}
