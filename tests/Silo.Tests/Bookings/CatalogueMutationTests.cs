using System.Globalization;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Bookings;

/// <summary>saveCourse and scheduleRun: who may call them, and clear errors for bad input.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CatalogueMutationTests(SharedBookingWorld shared) : IClassFixture<SharedBookingWorld>
{
    private readonly BookingWorld world = shared.World;

    private const string Save = """
        mutation($input: SaveCourseInput!) { saveCourse(input: $input) { course { id title leadershipLevel fundedReleaseDays runs { id } } errors { code path } } }
        """;

    private static object Course(string title, string? id = null, double release = 1, string[]? audiences = null) => new
    {
        input = new
        {
            id,
            title,
            summary = "Co-regulation strategies for the classroom.",
            provider = "County Inclusion Training Team",
            strand = "TARGETED_AND_SPECIALIST",
            coreOffer = true,
            audiences = audiences ?? ["TEACHER"],
            expectedImpact = "Calmer classrooms.",
            priorKnowledge = "INTRODUCTORY",
            frameworkAreas = new[] { "WELLBEING" },
            needTypes = new[] { "SOCIAL_EMOTIONAL_MENTAL_HEALTH" },
            phases = new[] { "PRIMARY" },
            deliveryMode = "IN_PERSON",
            pricePence = 0,
            fundedReleaseDays = release,
        },
    };

    [Fact]
    public async Task Admins_add_and_change_any_course_providers_their_own_others_none_and_bad_input_names_its_field()
    {
        var admin = await world.AdminAsync();
        var booker = await world.BookerAsync((await world.SchoolsAsync(1))[0]);
        Assert.Equal(["NOT_ALLOWED"], (await booker.GraphQLAsync(Save, Course("Co-regulation"))).UserErrorCodes("saveCourse"));
        Assert.Equal(["NOT_ALLOWED"], (await world.Anonymous.GraphQLAsync(Save, Course("Co-regulation"))).UserErrorCodes("saveCourse"));

        // A provider's new course is theirs: they change it and publish its runs; an admin's course without them is not.
        var provider = await world.ProviderAsync();
        var own = await provider.GraphQLAsync(Save, Course("Sensory circuits"));
        var ownId = own.Get("saveCourse.course.id").GetString()!;
        Assert.Equal("Sensory circuits in practice", (await provider.GraphQLAsync(Save, Course("Sensory circuits in practice", ownId))).Get("saveCourse.course.title").GetString());
        Assert.Equal(await world.ScalarAsync<long>("SELECT id FROM accounts WHERE email = 'provider@demo.test'"),
            await world.ScalarAsync<long>("SELECT provider_account_id FROM courses WHERE id = @id", ("id", long.Parse(ownId, CultureInfo.InvariantCulture))));

        var created = await admin.GraphQLAsync(Save, Course("Co-regulation in the classroom"));
        var id = created.Get("saveCourse.course.id").GetString()!;
        var changed = await admin.GraphQLAsync(Save, Course("Co-regulation for every classroom", id, 1.5));
        Assert.Equal("Co-regulation for every classroom", changed.Get("saveCourse.course.title").GetString());
        Assert.Equal(1.5, changed.Get("saveCourse.course.fundedReleaseDays").GetDouble());
        var found = await world.Anonymous.GraphQLAsync("""{ directory(filter: { search: "regulation" }) { nodes { id } } }""");
        Assert.Contains(found.Get("directory.nodes").EnumerateArray(), n => n.GetProperty("id").GetString() == id);

        Assert.Equal(["NOT_ALLOWED"], (await provider.GraphQLAsync(Save, Course("Not theirs", id))).UserErrorCodes("saveCourse"));
        Assert.Equal(["NOT_ALLOWED"], (await provider.GraphQLAsync(Save, Course(" ", id, 0.25, []))).UserErrorCodes("saveCourse"));

        var bad = await admin.GraphQLAsync(Save, Course(" ", id, 0.25, []));
        Assert.Equal(["INVALID", "INVALID", "INVALID"], bad.UserErrorCodes("saveCourse"));
        Assert.Equal(["NOT_FOUND"], (await admin.GraphQLAsync(Save, Course("Missing", "987654"))).UserErrorCodes("saveCourse"));
        Assert.Equal("Co-regulation for every classroom", await world.ScalarAsync<string>(
            "SELECT title FROM courses WHERE id = @id", ("id", long.Parse(id, CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task Only_the_courses_provider_and_admins_publish_runs_and_bad_schedules_are_refused_with_their_field()
    {
        const string schedule = "mutation($input: ScheduleRunInput!) { scheduleRun(input: $input) { run { id status placesLeft sessions { startsAt } district { name } } errors { code path } } }";
        var courseId = await world.CourseIdAsync();
        var start = world.Clock.GetUtcNow().AddDays(30);
        object Input(object[] sessions, string? venue = "Hub", string? district = "dover", int capacity = 10, int? cap = null) =>
            new { input = new { courseId, sessions, venue, districtId = district, capacity, maxPlacesPerSchool = cap } };
        object Session(DateTimeOffset from, double hours) => new { startsAt = from.ToString("O", CultureInfo.InvariantCulture), endsAt = from.AddHours(hours).ToString("O", CultureInfo.InvariantCulture) };

        var booker = await world.BookerAsync((await world.SchoolsAsync(1))[0]);
        Assert.Equal(["NOT_ALLOWED"], (await booker.GraphQLAsync(schedule, Input([Session(start, 3)]))).UserErrorCodes("scheduleRun"));

        var provider = await world.ProviderAsync();
        var ok = await provider.GraphQLAsync(schedule, Input([Session(start, 3), Session(start.AddDays(7), 3)]));
        Assert.Equal("SCHEDULED", ok.Get("scheduleRun.run.status").GetString());
        Assert.Equal(2, ok.Get("scheduleRun.run.sessions").GetArrayLength());
        Assert.Equal("Dover", ok.Get("scheduleRun.run.district.name").GetString());

        Assert.Equal(["INVALID"], (await provider.GraphQLAsync(schedule, Input([Session(start, -1)]))).UserErrorCodes("scheduleRun"));
        Assert.Equal(["INVALID"], (await provider.GraphQLAsync(schedule, Input([Session(world.Clock.GetUtcNow().AddDays(-1), 2)]))).UserErrorCodes("scheduleRun"));
        Assert.Equal(["CLASH"], (await provider.GraphQLAsync(schedule, Input([Session(start, 3), Session(start.AddHours(1), 3)]))).UserErrorCodes("scheduleRun"));
        Assert.Equal(["INVALID"], (await provider.GraphQLAsync(schedule, Input([Session(start, 3)], venue: null))).UserErrorCodes("scheduleRun"));
        Assert.Equal(["NOT_FOUND"], (await provider.GraphQLAsync(schedule, Input([Session(start, 3)], district: "atlantis"))).UserErrorCodes("scheduleRun"));
        Assert.Equal(["INVALID", "INVALID"], (await provider.GraphQLAsync(schedule, Input([Session(start, 3)], capacity: 0, cap: 5))).UserErrorCodes("scheduleRun"));
        Assert.Equal(["INVALID"], (await provider.GraphQLAsync(schedule, Input([]))).UserErrorCodes("scheduleRun"));
        var online = await provider.GraphQLAsync(schedule, Input([Session(start, 2)], venue: null, district: null));
        Assert.Empty(online.UserErrorCodes("scheduleRun"));
    }
}
