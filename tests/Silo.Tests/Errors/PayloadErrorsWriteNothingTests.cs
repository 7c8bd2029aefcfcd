using System.Globalization;
using InclusionNetwork.Silo.Tests.Bookings;
using InclusionNetwork.TestSupport;
using Npgsql;

namespace InclusionNetwork.Silo.Tests.Errors;

/// <summary>
/// A mutation whose payload carries errors wrote nothing: the rule for every mutation made of
/// several parts (fields, sessions, marks, members), checked against a fingerprint of every
/// table the domain writes. bookPlaces is the one stated exception: a refused person never
/// blocks the others, so its payload may carry errors beside the places it confirmed.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PayloadErrorsWriteNothingTests(PostgresFixture postgres) : IAsyncLifetime
{
    private BookingWorld world = null!;

    public async Task InitializeAsync() => world = await BookingWorld.StartAsync(postgres);

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task Mutations_of_several_parts_with_one_bad_part_return_errors_and_leave_the_database_unchanged()
    {
        var admin = await world.AdminAsync();
        var provider = await world.ProviderAsync();
        var urns = await world.SchoolsAsync(5, staff: 2);
        var booker = await world.BookerAsync(urns[0]);
        var staff = await world.StaffOfAsync(urns[0]);
        var runId = await world.ScheduleRunAsync(capacity: 10, sessionDays: [1]);
        var booked = await BookingWorld.BookAsync(booker, runId, staff[0]);
        var bookingId = booked.Get("bookPlaces.bookings.0.id").GetString()!;
        var sessionId = (await world.RunAsync(provider, runId)).GetProperty("sessions")[0].GetProperty("id").GetString()!;
        world.Clock.Advance(TimeSpan.FromDays(2));
        var now = world.Clock.GetUtcNow();
        string At(int days, double hours) => now.Date.AddDays(days).AddHours(hours).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        var attempts = new (string Name, HttpClient Client, string Document, object Variables)[]
        {
            ("saveCourse", admin, """
                mutation($input: SaveCourseInput!) { saveCourse(input: $input) { course { id } errors { code path } } }
                """, new { input = new
                {
                    title = "A good title", summary = " ", provider = "County team", strand = "TARGETED_AND_SPECIALIST", coreOffer = true,
                    audiences = Array.Empty<string>(), expectedImpact = "Calmer classrooms.", priorKnowledge = "INTRODUCTORY",
                    frameworkAreas = new[] { "WELLBEING" }, needTypes = new[] { "SOCIAL_EMOTIONAL_MENTAL_HEALTH" }, phases = new[] { "PRIMARY" },
                    deliveryMode = "IN_PERSON", pricePence = 0, fundedReleaseDays = 1.0,
                } }),
            ("scheduleRun", provider, """
                mutation($input: ScheduleRunInput!) { scheduleRun(input: $input) { run { id } errors { code path } } }
                """, new { input = new
                {
                    courseId = await world.CourseIdAsync(),
                    sessions = new[] { new { startsAt = At(20, 9.5), endsAt = At(20, 15.5) }, new { startsAt = At(21, 15.5), endsAt = At(21, 9.5) } },
                    venue = "Maidstone Inclusion Hub", districtId = "maidstone", capacity = 12,
                } }),
            ("recordAttendance", provider, """
                mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { attendance { present } errors { code path } } }
                """, new { input = new { sessionId, attendance = new object[] { new { bookingId, present = true }, new { bookingId = "987654321", present = true } } } }),
            ("createCluster", admin, """
                mutation($input: CreateClusterInput!) { createCluster(input: $input) { cluster { id } errors { code path } } }
                """, new { input = new { name = "Payload test cluster", academicYear = "2026/27", memberUrns = urns.Take(4).Append("999999999").ToArray() } }),
            ("addStaff", admin, """
                mutation($input: AddStaffInput!) { addStaff(input: $input) { staff { id } errors { code path } } }
                """, new { input = new { schoolUrn = urns[1], name = "Alex Example", email = "not-an-email", role = "TEACHER" } }),
        };

        foreach (var (name, client, document, variables) in attempts)
        {
            var before = await FingerprintAsync();
            var response = await client.GraphQLAsync(document, variables);
            Assert.True(response.UserErrorCodes(name).Count > 0, $"{name} should have refused: {response.Body}");
            var changed = before.Split(';').Except((await FingerprintAsync()).Split(';')).Select(part => part.Split('=')[0]).ToList();
            Assert.True(changed.Count == 0, $"{name} returned errors but changed the database: {string.Join(", ", changed)}");
        }
    }

    [Fact]
    public async Task Book_places_is_the_stated_exception_a_refused_person_never_blocks_the_others()
    {
        var urns = await world.SchoolsAsync(2, staff: 2);
        var booker = await world.BookerAsync(urns[0]);
        var own = await world.StaffOfAsync(urns[0]);
        var otherSchools = await world.StaffOfAsync(urns[1]);
        var runId = await world.ScheduleRunAsync(capacity: 10);

        var response = await BookingWorld.BookAsync(booker, runId, own[0], otherSchools[0]);

        Assert.NotEmpty(response.UserErrorCodes("bookPlaces"));
        var booking = Assert.Single(response.Get("bookPlaces.bookings").EnumerateArray());
        Assert.Equal("CONFIRMED", booking.GetProperty("status").GetString());
        Assert.Equal(1L, await world.ScalarAsync<long>(
            "SELECT count(*) FROM bookings WHERE run_id = @run AND status = 'CONFIRMED'", ("run", long.Parse(runId, CultureInfo.InvariantCulture))));
    }

    /// <summary>
    /// One hash per table of its rows, for every table but Orleans' own (membership heartbeats,
    /// reminders and grain state move in the background, whatever the mutation did), leaving out
    /// when a token was last used, which the request itself records whatever it does, and the
    /// outbox's delivery state, which the dispatcher moves on its own (a message the mutation
    /// wrote would still show as a new row).
    /// </summary>
    private const string OutboxDeliveryColumns = "ARRAY['status', 'attempts', 'next_attempt_at', 'leased_until', 'last_error', 'sent_at', 'failure_reported_on']";

    private async Task<string> FingerprintAsync()
    {
        var tables = await world.ListAsync<string>("""
            SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT ILIKE 'orleans%' ORDER BY tablename
            """);
        var parts = new List<string>();
        foreach (var table in tables)
        {
            var quoted = new NpgsqlCommandBuilder().QuoteIdentifier(table);
            var backgroundColumns = table == "notifications" ? OutboxDeliveryColumns : "'last_used_at'";
            parts.Add(table + "=" + await world.ScalarAsync<string>($"SELECT md5(coalesce(string_agg(r, '|' ORDER BY r), '')) FROM (SELECT (to_jsonb(t) - {backgroundColumns})::text AS r FROM {quoted} t) rows"));
        }
        return string.Join(";", parts);
    }
}
