using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InclusionNetwork.Silo.Tests.Bookings;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Errors;

/// <summary>
/// Text that no column can hold (a NUL character) or that is longer than its field allows is
/// refused as bad input before any resolver or SQL sees it, for every string argument and
/// variable; the sign-in endpoints refuse the same for their fields.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TextInputTests(SharedBookingWorld shared) : IClassFixture<SharedBookingWorld>
{
    private readonly BookingWorld world = shared.World;

    private const string Save = """
        mutation($input: SaveCourseInput!) { saveCourse(input: $input) { course { id } errors { code path } } }
        """;

    private static object Course(string title, string summary = "Co-regulation strategies for the classroom.") => new
    {
        input = new
        {
            title,
            summary,
            provider = "County Inclusion Training Team",
            strand = "TARGETED_AND_SPECIALIST",
            coreOffer = true,
            audiences = new[] { "TEACHER" },
            expectedImpact = "Calmer classrooms.",
            priorKnowledge = "INTRODUCTORY",
            frameworkAreas = new[] { "WELLBEING" },
            needTypes = new[] { "SOCIAL_EMOTIONAL_MENTAL_HEALTH" },
            phases = new[] { "PRIMARY" },
            deliveryMode = "IN_PERSON",
            pricePence = 0,
            fundedReleaseDays = 1.0,
        },
    };

    private Task<long> CoursesAsync() => world.ScalarAsync<long>("SELECT count(*) FROM courses");

    [Fact]
    public async Task A_nul_character_in_a_variable_a_literal_or_a_query_argument_is_bad_user_input_and_writes_nothing()
    {
        var admin = await world.AdminAsync();
        var before = await CoursesAsync();

        var inVariable = await admin.GraphQLAsync(Save, Course("Co-regulation\0 in the classroom"));
        var inLiteral = await admin.GraphQLAsync("""mutation { cancelRun(input: { runId: "1", reason: "bad\u0000reason" }) { errors { code } } }""");
        var inQueryArgument = await world.Anonymous.GraphQLAsync("""{ directory(filter: { search: "autism\u0000" }) { nodes { id } } }""");
        var inQueryVariable = await world.Anonymous.GraphQLAsync(
            "query($s: String) { directory(filter: { search: $s }) { nodes { id } } }", new { s = "\0" });
        var inId = await world.Anonymous.GraphQLAsync("query($id: ID!) { course(id: $id) { id } }", new { id = "1\0" });

        foreach (var response in new[] { inVariable, inLiteral, inQueryArgument, inQueryVariable, inId })
        {
            var error = Assert.Single(response.Errors);
            Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.Contains("NUL", error.GetProperty("message").GetString());
        }
        Assert.Equal(before, await CoursesAsync());
    }

    [Fact]
    public async Task Free_text_longer_than_any_field_allows_is_bad_user_input_naming_the_field_and_writes_nothing()
    {
        var admin = await world.AdminAsync();
        var before = await CoursesAsync();

        var longTitle = await admin.GraphQLAsync(Save, Course(new string('t', 501)));
        var longSummary = await admin.GraphQLAsync(Save, Course("Co-regulation", new string('s', 20_001)));
        var longSearch = await world.Anonymous.GraphQLAsync(
            "query($s: String) { directory(filter: { search: $s }) { nodes { id } } }", new { s = new string('q', 501) });

        Assert.Contains("\"input.title\" is 501 characters long; it may be at most 500", Message(longTitle));
        Assert.Contains("\"input.summary\" is 20001 characters long; it may be at most 20000", Message(longSummary));
        Assert.Contains("\"filter.search\" is 501 characters long", Message(longSearch));
        Assert.Equal(before, await CoursesAsync());

        // Within the backstop the product's own, tighter rules answer in the payload.
        var tooLongForACourse = await admin.GraphQLAsync(Save, Course(new string('t', 201)));
        Assert.Equal(["INVALID"], tooLongForACourse.UserErrorCodes("saveCourse"));
        var longest = await admin.GraphQLAsync(Save, Course(new string('t', 200), new string('s', 4_000)));
        Assert.False(string.IsNullOrEmpty(longest.Get("saveCourse.course.id").GetString()));
        Assert.Equal(before + 1, await CoursesAsync());
    }

    [Fact]
    public async Task The_token_endpoint_refuses_a_long_or_nul_token_name_email_or_password_with_a_400()
    {
        using var client = world.Silo.CreateClient();
        var password = SiloHost.DemoPassword;

        var cases = new object[]
        {
            new { email = "commissioner@demo.test", password, name = new string('n', 201) },
            new { email = "commissioner@demo.test", password, name = "quarterly\0report" },
            new { email = "commissioner\0@demo.test", password },
            new { email = new string('e', 250) + "@demo.test", password },
            new { email = "commissioner@demo.test", password = new string('p', 1_001) },
        };
        foreach (var request in cases)
        {
            var response = await client.PostAsJsonAsync("/auth/token", request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.False(string.IsNullOrEmpty((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString()));
        }
        Assert.Equal(0, await world.ScalarAsync<long>("SELECT count(*) FROM access_tokens WHERE name LIKE 'quarterly%' OR length(name) > 200"));

        var named = await client.PostAsJsonAsync("/auth/token", new { email = "commissioner@demo.test", password, name = new string('n', 200) });
        Assert.Equal(HttpStatusCode.Created, named.StatusCode);
    }

    private static string Message(GraphQLResponse response)
    {
        var error = Assert.Single(response.Errors);
        Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
        return error.GetProperty("message").GetString()!;
    }
}
