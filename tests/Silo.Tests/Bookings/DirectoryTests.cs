using System.Text.Json;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Bookings;

/// <summary>The public directory over the demo catalogue: stemmed free text, every filter together, orderings and cursors.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DirectoryTests(SharedBookingWorld shared) : IClassFixture<SharedBookingWorld>
{
    private readonly BookingWorld world = shared.World;

    private const string Page = """
        query($filter: DirectoryFilter, $orderBy: DirectoryOrder, $first: Int, $after: String) {
          directory(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
            totalCount
            edges { cursor node { id title strand coreOffer deliveryMode leadershipLevel audiences needTypes phases pricePence
                                  runs { id startsAt district { id } placesLeft status } } }
            pageInfo { hasNextPage hasPreviousPage endCursor }
          }
        }
        """;

    private async Task<JsonElement> DirectoryAsync(object variables) =>
        (await world.Anonymous.GraphQLAsync(Page, variables)).Get("directory");

    private static List<string> Titles(JsonElement directory) =>
        [.. directory.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("title").GetString()!)];

    [Fact]
    public async Task Free_text_is_stemmed_so_nurturing_finds_Nurture_and_relevance_ranks_title_matches_first()
    {
        var nurture = await DirectoryAsync(new { filter = new { search = "nurturing" }, orderBy = "RELEVANCE" });
        Assert.Equal("Whole-school Nurture", Titles(nurture)[0]);

        var leadership = await DirectoryAsync(new { filter = new { search = "inclusion leadership" }, orderBy = "RELEVANCE", first = 50 });
        var titles = Titles(leadership);
        Assert.True(titles.Count >= 3);
        Assert.All(titles.Take(3), t => Assert.StartsWith("Inclusion Leadership", t));
        Assert.Equal(titles.Count, leadership.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Every_filter_combines_with_the_others()
    {
        var all = await DirectoryAsync(new { first = 100 });
        var total = all.GetProperty("totalCount").GetInt32();
        Assert.True(total >= 28);

        var earlyYearsFree = await DirectoryAsync(new { filter = new { strand = "EARLY_YEARS", coreOfferOnly = true, phases = new[] { "EARLY_YEARS" } }, first = 100 });
        Assert.All(earlyYearsFree.GetProperty("edges").EnumerateArray(), e =>
        {
            Assert.Equal("EARLY_YEARS", e.GetProperty("node").GetProperty("strand").GetString());
            Assert.Equal(0, e.GetProperty("node").GetProperty("pricePence").GetInt32());
        });

        var combined = await DirectoryAsync(new
        {
            filter = new { search = "autistic", needTypes = new[] { "COMMUNICATION_AND_INTERACTION" }, audiences = new[] { "TEACHING_ASSISTANT" }, deliveryModes = new[] { "IN_PERSON" } },
            first = 100,
        });
        Assert.Equal(["The SPELL framework for autistic pupils"], Titles(combined));

        var wrongMode = await DirectoryAsync(new { filter = new { search = "autistic", deliveryModes = new[] { "LIVE_ONLINE" } } });
        Assert.Equal(0, wrongMode.GetProperty("totalCount").GetInt32());

        var leadershipOnly = await DirectoryAsync(new { filter = new { priorKnowledge = "ADVANCED", frameworkAreas = new[] { "COMMUNITY" } }, first = 100 });
        Assert.Contains("Inclusion Leadership: headteachers and executive leaders", Titles(leadershipOnly));
        Assert.DoesNotContain("Inclusive Practices", Titles(leadershipOnly));
    }

    [Fact]
    public async Task Run_filters_hold_for_one_run_and_online_runs_match_any_district()
    {
        var from = new DateOnly(2027, 1, 1);
        var to = new DateOnly(2027, 3, 31);
        var inDover = await DirectoryAsync(new { filter = new { district = "dover", from = "2027-01-01", to = "2027-03-31", withPlacesOnly = true }, first = 100 });
        Assert.True(inDover.GetProperty("totalCount").GetInt32() > 0);
        foreach (var edge in inDover.GetProperty("edges").EnumerateArray())
        {
            Assert.Contains(edge.GetProperty("node").GetProperty("runs").EnumerateArray(), run =>
            {
                var start = DateOnly.FromDateTime(run.GetProperty("startsAt").GetDateTimeOffset().UtcDateTime);
                var district = run.GetProperty("district");
                return start >= from && start <= to && run.GetProperty("placesLeft").GetInt32() > 0
                    && (district.ValueKind == JsonValueKind.Null || district.GetProperty("id").GetString() == "dover");
            });
        }
    }

    [Fact]
    public async Task Soonest_orders_by_next_upcoming_run_and_cursors_page_through_without_gaps_or_repeats()
    {
        var seen = new List<string>();
        string? after = null;
        int total;
        do
        {
            var page = await DirectoryAsync(new { orderBy = "SOONEST", first = 7, after });
            total = page.GetProperty("totalCount").GetInt32();
            seen.AddRange(page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);
        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());

        var soonest = await DirectoryAsync(new { orderBy = "SOONEST", first = 100 });
        var nextStarts = soonest.GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node").GetProperty("runs").EnumerateArray()
                .Where(r => r.GetProperty("status").GetString() == "SCHEDULED" && r.GetProperty("startsAt").GetDateTimeOffset() > BookingWorld.Today)
                .Select(r => r.GetProperty("startsAt").GetDateTimeOffset()).DefaultIfEmpty(DateTimeOffset.MaxValue).Min())
            .ToList();
        Assert.Equal(nextStarts.Order().ToList(), nextStarts);

        var byTitle = Titles(await DirectoryAsync(new { orderBy = "TITLE", first = 100 }));
        Assert.Equal(byTitle.Order(StringComparer.Ordinal).Count(), byTitle.Count);
    }

    [Fact]
    public async Task Bad_arguments_are_field_errors_not_server_errors()
    {
        var badCursor = await world.Anonymous.GraphQLAsync(Page, new { after = "not-a-cursor" });
        Assert.Equal("BAD_USER_INPUT", Assert.Single(badCursor.Errors).GetProperty("extensions").GetProperty("code").GetString());

        var tooMany = await world.Anonymous.GraphQLAsync(Page, new { first = 1000 });
        Assert.Equal("BAD_USER_INPUT", Assert.Single(tooMany.Errors).GetProperty("extensions").GetProperty("code").GetString());

        var unknownDistrict = await world.Anonymous.GraphQLAsync(Page, new { filter = new { district = "atlantis" } });
        Assert.Equal("BAD_USER_INPUT", Assert.Single(unknownDistrict.Errors).GetProperty("extensions").GetProperty("code").GetString());

        var backwards = await world.Anonymous.GraphQLAsync(Page, new { filter = new { from = "2027-02-01", to = "2027-01-01" } });
        Assert.Equal("BAD_USER_INPUT", Assert.Single(backwards.Errors).GetProperty("extensions").GetProperty("code").GetString());

        var titleCursor = (await DirectoryAsync(new { orderBy = "TITLE", first = 1 })).GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var mixed = await world.Anonymous.GraphQLAsync(Page, new { orderBy = "SOONEST", after = titleCursor });
        Assert.Equal("BAD_USER_INPUT", Assert.Single(mixed.Errors).GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_page_of_courses_with_runs_sessions_and_bookings_costs_a_few_batched_statements_whatever_its_size()
    {
        const string nested = """
            query($n: Int) { directory(first: $n) { nodes { title nextRun { placesLeft }
              runs { district { name } course { title } sessions { startsAt run { capacity } } bookings { status school { name } } } } } }
            """;
        var admin = await world.AdminAsync();
        // Areas and districts are read once per process; warm that up first.
        await admin.GraphQLAsync(nested, new { n = 1 });
        using var counter = new QueryStatementCounter(new Npgsql.NpgsqlConnectionStringBuilder(world.ConnectionString).Database!);

        await admin.GraphQLAsync(nested, new { n = 2 });
        var forTwo = counter.Count;
        var listingForTwo = counter.Listing;
        counter.Reset();
        var twenty = await admin.GraphQLAsync(nested, new { n = 20 });
        var forTwenty = counter.Count;

        Assert.Equal(20, twenty.Get("directory.nodes").GetArrayLength());
        Assert.True(twenty.Get("directory.nodes").EnumerateArray().Sum(n => n.GetProperty("runs").EnumerateArray().Sum(r => r.GetProperty("bookings").GetArrayLength())) > 50);
        // One statement per loader and dispatch wave: a loader may be dispatched in one wave or
        // two depending on when resolvers finish, but the count never grows with the page
        // (one statement per course or run would be well over a hundred here).
        Assert.True(forTwo <= 16 && forTwenty <= 16, $"For two:\n{listingForTwo}\n\nFor twenty:\n{counter.Listing}");
    }
}
