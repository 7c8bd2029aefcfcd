using System.Globalization;
using InclusionNetwork.Grains.Bookings;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Orleans;

namespace InclusionNetwork.Silo.Tests.Bookings;

/// <summary>
/// What falls due on a run after it is booked, end to end: the run's reminder ticks (driven by
/// the test on a manual clock), and a real SMTP server receives the reminder that the course
/// starts in two working days, the request for an evaluation after it ends, and the request for
/// the follow-up once it opens: each once, and none to a person whose booking was cancelled.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CourseRunNoticeTests(PostgresFixture postgres)
{
    private const string Register = """
        mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { errors { code } } }
        """;

    [Fact]
    public async Task Confirmed_people_are_reminded_asked_for_an_evaluation_and_a_follow_up_once_each()
    {
        var smtp = TestSmtpServer.Start();
        await using var _ = smtp;
        await using var world = await BookingWorld.StartAsync(postgres, null, [.. smtp.Settings, new("App:PublicBaseUrl", "https://inclusion.county.example")]);
        var school = (await world.SchoolsAsync(1))[0];
        var staff = await world.StaffOfAsync(school);
        var booker = await world.BookerAsync(school);
        var provider = await world.ProviderAsync();
        // Sundays 22 November 2026: sessions on Tuesday 1 and Wednesday 2 December.
        var run = await world.ScheduleRunAsync(capacity: 3, sessionDays: [9, 10]);
        var grain = world.Silo.Services.GetRequiredService<IGrainFactory>().GetGrain<ICourseRunGrain>(long.Parse(run, CultureInfo.InvariantCulture));
        var booked = (await BookingWorld.BookAsync(booker, run, staff[0], staff[1], staff[2])).Get("bookPlaces.bookings")
            .EnumerateArray().Select(b => b.GetProperty("id").GetString()!).ToList();
        var address = new List<string>();
        foreach (var id in staff.Take(3))
        {
            address.Add(await world.ScalarAsync<string>("""
                SELECT coalesce(s.email, (SELECT a.email FROM accounts a WHERE a.staff_id = s.id ORDER BY a.id LIMIT 1)) FROM staff s WHERE s.id = @id
                """, ("id", id)));
        }
        // The second person's place is cancelled before the reminder: they hear nothing of the course.
        Assert.Empty((await BookingWorld.OnBookingAsync(booker, "cancelBooking", booked[1])).UserErrorCodes("cancelBooking"));

        async Task TickAsync(DateTimeOffset at)
        {
            world.Clock.Set(at);
            await grain.SettleMilestonesAsync();
        }

        // Two working days before Tuesday 1 December is Friday 27 November; not on the Thursday.
        await TickAsync(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await CountAsync(world, "COURSE_STARTS_SOON"));
        await TickAsync(new DateTimeOffset(2026, 11, 27, 8, 30, 0, TimeSpan.Zero));
        await TickAsync(new DateTimeOffset(2026, 11, 27, 8, 31, 0, TimeSpan.Zero));
        Assert.Equal(2, await CountAsync(world, "COURSE_STARTS_SOON"));
        var soon = await ReceivedAsync(smtp, "COURSE_STARTS_SOON", address[0], address[2]);
        Assert.Contains("starts on Tuesday 1 December 2026 at 09:30", soon[0].Subject);
        Assert.Contains("because you have a confirmed place", soon[0].TextBody);
        Assert.Contains($"https://inclusion.county.example/my/bookings/{booked[0]}", soon.Single(m => Is(m, address[0])).TextBody);
        Assert.All(soon, m => Assert.StartsWith("<https://inclusion.county.example/unsubscribe/", m.Headers[HeaderId.ListUnsubscribe]));

        // The register: the first person attends both days, the third only the first.
        var sessions = (await world.RunAsync(provider, run)).GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();
        world.Clock.Set(new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero));
        Assert.Empty((await provider.GraphQLAsync(Register, Marks(sessions[0], (booked[0], true), (booked[2], true)))).UserErrorCodes("recordAttendance"));
        Assert.Equal(0, await CountAsync(world, "EVALUATION_REQUESTED")); // the run has not ended yet
        world.Clock.Set(new DateTimeOffset(2026, 12, 2, 16, 0, 0, TimeSpan.Zero));
        Assert.Empty((await provider.GraphQLAsync(Register, Marks(sessions[1], (booked[0], true), (booked[2], false)))).UserErrorCodes("recordAttendance"));
        var evaluation = await ReceivedAsync(smtp, "EVALUATION_REQUESTED", address[0], address[2]);
        Assert.Contains("because you attended the course", evaluation[0].TextBody);
        Assert.Contains($"https://inclusion.county.example/my/bookings/{booked[2]}", evaluation.Single(m => Is(m, address[2])).TextBody);
        await TickAsync(new DateTimeOffset(2026, 12, 2, 16, 1, 0, TimeSpan.Zero));
        Assert.Equal(2, await CountAsync(world, "EVALUATION_REQUESTED"));

        // The follow-up opens 42 days after completion, for the person who completed the run.
        await TickAsync(new DateTimeOffset(2027, 1, 13, 15, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await CountAsync(world, "FOLLOW_UP_DUE"));
        await TickAsync(new DateTimeOffset(2027, 1, 13, 15, 31, 0, TimeSpan.Zero));
        await TickAsync(new DateTimeOffset(2027, 1, 13, 15, 32, 0, TimeSpan.Zero));
        var followUp = await ReceivedAsync(smtp, "FOLLOW_UP_DUE", address[0]);
        Assert.Contains("because you completed the course", followUp[0].TextBody);
        Assert.Equal(1, await CountAsync(world, "FOLLOW_UP_DUE"));

        // The person whose place was cancelled heard "booked" then "cancelled", and nothing more of the course.
        Assert.Equal("PLACE_BOOKED,BOOKING_CANCELLED", await world.ScalarAsync<string>(
            "SELECT string_agg(kind, ',' ORDER BY id) FROM notifications WHERE lower(recipient_email) = lower(@e)", ("e", address[1])));
    }

    private static object Marks(string sessionId, params (string BookingId, bool Present)[] marks) =>
        new { input = new { sessionId, attendance = marks.Select(m => new { bookingId = m.BookingId, present = m.Present }).ToArray() } };

    private static bool Is(MimeMessage message, string address) => message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase));

    private static Task<long> CountAsync(BookingWorld world, string kind) =>
        world.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE kind = @kind", ("kind", kind));

    /// <summary>Waits for one message of the kind to each address, and checks that no one else got one.</summary>
    private static async Task<IReadOnlyList<MimeMessage>> ReceivedAsync(TestSmtpServer smtp, string kind, params string[] addresses)
    {
        var received = await smtp.WaitForAsync(addresses.Length, m => m.Headers["X-Outbox-Kind"] == kind);
        Assert.Equal(addresses.Select(a => a.ToLowerInvariant()).Order(),
            received.SelectMany(m => m.To.Mailboxes.Select(a => a.Address.ToLowerInvariant())).Order());
        return received;
    }
}
