using System.Globalization;
using System.Text.Json;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Bookings;

/// <summary>Registers per session, completion, evaluations and follow-ups, and who may see bookings.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AttendanceAndFeedbackTests(PostgresFixture postgres) : IAsyncLifetime
{
    private BookingWorld world = null!;

    public async Task InitializeAsync() => world = await BookingWorld.StartAsync(postgres);

    public async Task DisposeAsync() => await world.DisposeAsync();

    private const string Register = """
        mutation($input: RecordAttendanceInput!) {
          recordAttendance(input: $input) { attendance { present session { id } booking { id completed } } errors { code path } }
        }
        """;

    private static object Marks(string sessionId, params (string BookingId, bool Present)[] marks) =>
        new { input = new { sessionId, attendance = marks.Select(m => new { bookingId = m.BookingId, present = m.Present }).ToArray() } };

    [Fact]
    public async Task The_provider_records_attendance_per_session_and_a_booking_completes_when_every_session_is_attended()
    {
        var school = (await world.SchoolsAsync(1))[0];
        var staff = await world.StaffOfAsync(school);
        var booker = await world.BookerAsync(school);
        var provider = await world.ProviderAsync();
        var run = await world.ScheduleRunAsync(capacity: 2, sessionDays: [2, 9]);
        var bookings = (await BookingWorld.BookAsync(booker, run, staff[0], staff[1], staff[2])).Get("bookPlaces.bookings")
            .EnumerateArray().Select(b => b.GetProperty("id").GetString()!).ToList();
        var sessions = (await world.RunAsync(provider, run)).GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();

        Assert.Equal(["TOO_EARLY"], (await provider.GraphQLAsync(Register, Marks(sessions[0], (bookings[0], true)))).UserErrorCodes("recordAttendance"));
        world.Clock.Advance(TimeSpan.FromDays(2.5));
        Assert.Equal(["NOT_ALLOWED"], (await booker.GraphQLAsync(Register, Marks(sessions[0], (bookings[0], true)))).UserErrorCodes("recordAttendance"));
        // A waitlisted booking has no attendance, and a bad line refuses the whole register.
        var mixed = await provider.GraphQLAsync(Register, Marks(sessions[0], (bookings[0], true), (bookings[2], true)));
        Assert.Equal(["INVALID"], mixed.UserErrorCodes("recordAttendance"));
        Assert.Equal(0, await world.ScalarAsync<long>("SELECT count(*) FROM attendance WHERE session_id = @s", ("s", long.Parse(sessions[0], CultureInfo.InvariantCulture))));

        var first = await provider.GraphQLAsync(Register, Marks(sessions[0], (bookings[0], true), (bookings[1], true)));
        Assert.Empty(first.UserErrorCodes("recordAttendance"));
        Assert.All(first.Get("recordAttendance.attendance").EnumerateArray(), a => Assert.False(a.GetProperty("booking").GetProperty("completed").GetBoolean()));

        world.Clock.Advance(TimeSpan.FromDays(7));
        var second = await provider.GraphQLAsync(Register, Marks(sessions[1], (bookings[0], true), (bookings[1], false)));
        var completed = second.Get("recordAttendance.attendance").EnumerateArray()
            .ToDictionary(a => a.GetProperty("booking").GetProperty("id").GetString()!, a => a.GetProperty("booking").GetProperty("completed").GetBoolean());
        Assert.True(completed[bookings[0]]);
        Assert.False(completed[bookings[1]]);

        // A correction to the register is recorded too, and completion follows it.
        var corrected = await provider.GraphQLAsync(Register, Marks(sessions[1], (bookings[1], true)));
        Assert.True(corrected.Get("recordAttendance.attendance.0.booking.completed").GetBoolean());
        var mine = await (await world.StaffAsync(staff[0])).GraphQLAsync("{ me { bookings { completed attendance { present session { id } } } } }");
        Assert.Equal([true, true], mine.Get("me.bookings.0.attendance").EnumerateArray().Select(a => a.GetProperty("present").GetBoolean()));
    }

    [Fact]
    public async Task Evaluations_come_once_from_the_booked_person_after_the_run_and_follow_ups_six_weeks_after_completion()
    {
        var school = (await world.SchoolsAsync(1))[0];
        var staff = await world.StaffOfAsync(school);
        var booker = await world.BookerAsync(school);
        var provider = await world.ProviderAsync();
        var person = await world.StaffAsync(staff[0]);
        var run = await world.ScheduleRunAsync(capacity: 5, sessionDays: [1]);
        var booking = (await BookingWorld.BookAsync(booker, run, staff[0])).Get("bookPlaces.bookings.0.id").GetString()!;
        var session = (await world.RunAsync(provider, run)).GetProperty("sessions")[0].GetProperty("id").GetString()!;
        var evaluation = new { content = "GOOD", knowledgeImproved = "AGREE", confidenceImproved = "STRONGLY_AGREE", comments = "Useful." };

        Assert.Equal(["TOO_EARLY"], (await BookingWorld.OnBookingAsync(person, "submitEvaluation", booking, evaluation)).UserErrorCodes("submitEvaluation"));
        world.Clock.Advance(TimeSpan.FromDays(2));
        await provider.GraphQLAsync(Register, Marks(session, (booking, true)));

        Assert.Equal(["NOT_ALLOWED"], (await BookingWorld.OnBookingAsync(booker, "submitEvaluation", booking, evaluation)).UserErrorCodes("submitEvaluation"));
        var given = await BookingWorld.OnBookingAsync(person, "submitEvaluation", booking, evaluation);
        Assert.Empty(given.UserErrorCodes("submitEvaluation"));
        Assert.Equal(["ALREADY_SUBMITTED"], (await BookingWorld.OnBookingAsync(person, "submitEvaluation", booking, evaluation)).UserErrorCodes("submitEvaluation"));

        var followUp = new { implemented = "PARTLY", notes = "Visual timetables in two classes." };
        Assert.Equal(["TOO_EARLY"], (await BookingWorld.OnBookingAsync(person, "submitFollowUp", booking, followUp)).UserErrorCodes("submitFollowUp"));
        world.Clock.Advance(TimeSpan.FromDays(42));
        var followedUp = await BookingWorld.OnBookingAsync(person, "submitFollowUp", booking, followUp);
        Assert.True(followedUp.UserErrorCodes("submitFollowUp").Count == 0, followedUp.Body.ToString());
        Assert.Equal(["ALREADY_SUBMITTED"], (await BookingWorld.OnBookingAsync(person, "submitFollowUp", booking, followUp)).UserErrorCodes("submitFollowUp"));

        var seen = await person.GraphQLAsync("{ me { bookings { completed evaluation { content knowledgeImproved comments } followUp { implemented notes } } } }");
        Assert.Equal("GOOD", seen.Get("me.bookings.0.evaluation.content").GetString());
        Assert.Equal("PARTLY", seen.Get("me.bookings.0.followUp.implemented").GetString());
    }

    [Fact]
    public async Task A_follow_up_needs_completion()
    {
        var school = (await world.SchoolsAsync(1))[0];
        var staff = await world.StaffOfAsync(school);
        var run = await world.ScheduleRunAsync(capacity: 5, sessionDays: [1]);
        var booking = (await BookingWorld.BookAsync(await world.BookerAsync(school), run, staff[0])).Get("bookPlaces.bookings.0.id").GetString()!;
        world.Clock.Advance(TimeSpan.FromDays(60));

        var refused = await BookingWorld.OnBookingAsync(await world.StaffAsync(staff[0]), "submitFollowUp", booking, new { implemented = "FULLY" });
        Assert.Equal(["INVALID"], refused.UserErrorCodes("submitFollowUp"));
    }

    [Fact]
    public async Task Bookings_are_seen_by_their_school_the_provider_the_person_and_admins_and_anonymous_callers_see_places_only()
    {
        var schools = await world.SchoolsAsync(2);
        var staff = await world.StaffOfAsync(schools[0]);
        var run = await world.ScheduleRunAsync(capacity: 1);
        await BookingWorld.BookAsync(await world.BookerAsync(schools[0]), run, staff[0], staff[1]);

        var anonymous = await world.RunAsync(world.Anonymous, run);
        Assert.Equal(0, anonymous.GetProperty("placesLeft").GetInt32());
        Assert.Equal(1, anonymous.GetProperty("waitlistLength").GetInt32());
        Assert.Empty(anonymous.GetProperty("bookings").EnumerateArray());
        Assert.Empty((await world.RunAsync(await world.BookerAsync(schools[1]), run)).GetProperty("bookings").EnumerateArray());
        Assert.Equal(2, (await world.RunAsync(await world.BookerAsync(schools[0]), run)).GetProperty("bookings").GetArrayLength());
        Assert.Equal(2, (await world.RunAsync(await world.ProviderAsync(), run)).GetProperty("bookings").GetArrayLength());
        Assert.Equal(2, (await world.RunAsync(await world.AdminAsync(), run)).GetProperty("bookings").GetArrayLength());

        const string schoolBookings = "query($urn: ID!) { school(urn: $urn) { bookings(academicYear: \"2026/27\", status: WAITLISTED) { staff { name } waitlistPosition } } }";
        var own = await (await world.BookerAsync(schools[0])).GraphQLAsync(schoolBookings, new { urn = schools[0] });
        Assert.Equal(1, Assert.Single(own.Get("school.bookings").EnumerateArray()).GetProperty("waitlistPosition").GetInt32());
        var other = await (await world.BookerAsync(schools[1])).GraphQLAsync(schoolBookings, new { urn = schools[0] });
        Assert.Empty(other.Get("school.bookings").EnumerateArray());
        var nobody = await world.Anonymous.GraphQLAsync(schoolBookings, new { urn = schools[0] });
        Assert.Empty(nobody.Get("school.bookings").EnumerateArray());
        var badYear = await world.Anonymous.GraphQLAsync("query($urn: ID!) { school(urn: $urn) { bookings(academicYear: \"2026\") { id } } }", new { urn = schools[0] });
        Assert.Equal("BAD_USER_INPUT", badYear.Errors[0].GetProperty("extensions").GetProperty("code").GetString());

        var mine = await (await world.StaffAsync(staff[1])).GraphQLAsync("{ me { bookings { status run { id } } } }");
        Assert.Equal(run, Assert.Single(mine.Get("me.bookings").EnumerateArray()).GetProperty("run").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, (await world.Anonymous.GraphQLAsync("{ me { id } }")).Get("me").ValueKind);
    }
}
