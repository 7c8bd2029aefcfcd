using System.Net.Http.Json;
using System.Text.Json;
using InclusionNetwork.Silo.Tests.PeerReviewAndNetworks;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.TermDates;

/// <summary>
/// Term dates and training days through GraphQL, role by role, on one small county (today
/// Wednesday 2 December 2026): who may read and change them, every refusal with its code and
/// field and nothing written, and the planner using a year as soon as an admin adds it.
/// Each test works on its own years and schools, so they share one silo in any order.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TermDatesGraphQLTests(PostgresFixture postgres) : IAsyncLifetime
{
    private PeerReviewWorld world = null!;

    public async Task InitializeAsync() => world = await PeerReviewWorld.StartAsync(postgres, new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await world.DisposeAsync();

    private const string Years = "{ academicYears { id startsOn endsOn termPeriods { id kind name startsOn endsOn } } }";

    private const string AddYear = """
        mutation($id: String!, $startsOn: Date, $endsOn: Date) { addAcademicYear(input: { id: $id, startsOn: $startsOn, endsOn: $endsOn }) {
          academicYear { id startsOn endsOn } errors { code message path } } }
        """;

    private const string AddPeriod = """
        mutation($year: String!, $kind: TermPeriodKind!, $name: String!, $startsOn: Date!, $endsOn: Date!) {
          addTermPeriod(input: { academicYear: $year, kind: $kind, name: $name, startsOn: $startsOn, endsOn: $endsOn }) {
            termPeriod { id academicYear kind name startsOn endsOn } errors { code message path } } }
        """;

    private const string UpdatePeriod = """
        mutation($id: ID!, $startsOn: Date, $endsOn: Date, $name: String) { updateTermPeriod(input: { id: $id, startsOn: $startsOn, endsOn: $endsOn, name: $name }) {
          termPeriod { id name startsOn endsOn } errors { code message path } } }
        """;

    private const string RemovePeriod = """mutation($id: ID!) { removeTermPeriod(input: { id: $id }) { termPeriod { name } errors { code message path } } }""";

    private const string AddClosure = """
        mutation($urn: ID!, $date: Date!, $reason: String!) { addClosureDay(input: { schoolUrn: $urn, date: $date, reason: $reason }) {
          closureDay { date reason } errors { code message path } } }
        """;

    private const string RemoveClosure = """
        mutation($urn: ID!, $date: Date!) { removeClosureDay(input: { schoolUrn: $urn, date: $date }) { closureDay { date reason } errors { code message path } } }
        """;

    private const string ClosureDays = """query($urn: ID!) { school(urn: $urn) { closureDays(academicYear: "2026/27") { date reason } } }""";

    [Fact]
    public async Task Anyone_signed_in_reads_the_term_dates_and_only_admins_add_a_year()
    {
        using var anonymous = world.Silo.CreateClient();
        Assert.Equal(0, (await anonymous.GraphQLAsync(Years)).Get("academicYears").GetArrayLength());

        using var booker = await world.SignInAsync("booker.990001@world.test");
        var years = (await booker.GraphQLAsync(Years)).Get("academicYears").EnumerateArray().ToList();
        Assert.Equal(["2025/26", "2026/27"], years.Take(2).Select(y => y.GetProperty("id").GetString()));
        Assert.Equal("2026-09-01", years[1].GetProperty("startsOn").GetString());
        Assert.Equal(12, years[1].GetProperty("termPeriods").GetArrayLength());
        Assert.Equal("Autumn 1", years[1].GetProperty("termPeriods")[0].GetProperty("name").GetString());
        Assert.Equal("TERM", years[1].GetProperty("termPeriods")[0].GetProperty("kind").GetString());

        var before = await world.CountAsync("SELECT count(*) FROM academic_years");
        foreach (var email in new[] { "booker.990001@world.test", "senco.990001@world.test", "leader1@world.test", "commissioner@world.test" })
        {
            using var client = await world.SignInAsync(email);
            Assert.Equal(["NOT_ALLOWED"], (await client.GraphQLAsync(AddYear, new { id = "2030/31" })).UserErrorCodes("addAcademicYear"));
            Assert.Equal(["NOT_ALLOWED"], (await client.GraphQLAsync(AddPeriod,
                new { year = "2026/27", kind = "HOLIDAY", name = "Extra", startsOn = "2027-08-30", endsOn = "2027-08-31" })).UserErrorCodes("addTermPeriod"));
        }
        Assert.Equal(["NOT_ALLOWED"], (await anonymous.GraphQLAsync(AddYear, new { id = "2030/31" })).UserErrorCodes("addAcademicYear"));

        using var admin = await world.SignInAsync("admin@world.test");
        AssertRefused(await admin.GraphQLAsync(AddYear, new { id = "2030/32" }), "addAcademicYear", "INVALID", "id");
        AssertRefused(await admin.GraphQLAsync(AddYear, new { id = "2030/31", startsOn = "2030-09-02" }), "addAcademicYear", "ACADEMIC_YEAR_DATES", "startsOn");
        AssertRefused(await admin.GraphQLAsync(AddYear, new { id = "2030/31", endsOn = "2031-07-31" }), "addAcademicYear", "ACADEMIC_YEAR_DATES", "endsOn");
        AssertRefused(await admin.GraphQLAsync(AddYear, new { id = "2026/27" }), "addAcademicYear", "ACADEMIC_YEAR_EXISTS", "id");
        Assert.Equal(before, await world.CountAsync("SELECT count(*) FROM academic_years"));

        var added = await admin.GraphQLAsync(AddYear, new { id = "2030/31", startsOn = "2030-09-01", endsOn = "2031-08-31" });
        Assert.Empty(added.UserErrorCodes("addAcademicYear"));
        Assert.Equal("2031-08-31", added.Get("addAcademicYear.academicYear.endsOn").GetString());
        Assert.Contains((await booker.GraphQLAsync(Years)).Get("academicYears").EnumerateArray(), y => y.GetProperty("id").GetString() == "2030/31");
    }

    [Fact]
    public async Task A_refused_term_period_says_which_rule_and_field_and_writes_nothing()
    {
        using var admin = await world.SignInAsync("admin@world.test");
        Assert.Empty((await admin.GraphQLAsync(AddYear, new { id = "2028/29" })).UserErrorCodes("addAcademicYear"));
        var autumn1 = await admin.GraphQLAsync(AddPeriod, new { year = "2028/29", kind = "TERM", name = "Autumn 1", startsOn = "2028-09-04", endsOn = "2028-10-20" });
        Assert.Empty(autumn1.UserErrorCodes("addTermPeriod"));
        var autumn1Id = autumn1.Get("addTermPeriod.termPeriod.id").GetString();
        Assert.Equal("2028/29", autumn1.Get("addTermPeriod.termPeriod.academicYear").GetString());

        async Task<long> PeriodsAsync() => await world.CountAsync("SELECT count(*) FROM term_periods WHERE academic_year = '2028/29'");
        AssertRefused(await admin.GraphQLAsync(AddPeriod, new { year = "2028/29", kind = "TERM", name = "Autumn 2", startsOn = "2028-10-16", endsOn = "2028-12-15" }),
            "addTermPeriod", "TERMS_OVERLAP", "startsOn", "Autumn 1");
        AssertRefused(await admin.GraphQLAsync(AddPeriod, new { year = "2028/29", kind = "TERM", name = "Autumn 2", startsOn = "2028-12-15", endsOn = "2028-10-30" }),
            "addTermPeriod", "ENDS_BEFORE_STARTS", "endsOn");
        AssertRefused(await admin.GraphQLAsync(AddPeriod, new { year = "2028/29", kind = "HOLIDAY", name = "Late", startsOn = "2029-09-03", endsOn = "2029-09-07" }),
            "addTermPeriod", "OUTSIDE_ACADEMIC_YEAR", "startsOn");
        AssertRefused(await admin.GraphQLAsync(AddPeriod, new { year = "2028/29", kind = "TERM", name = "Summer 2", startsOn = "2029-06-04", endsOn = "2029-09-05" }),
            "addTermPeriod", "OUTSIDE_ACADEMIC_YEAR", "endsOn");
        AssertRefused(await admin.GraphQLAsync(AddPeriod, new { year = "2028/29", kind = "TERM", name = "Again", startsOn = "2028-09-04", endsOn = "2028-09-05" }),
            "addTermPeriod", "PERIOD_EXISTS", "startsOn");
        AssertRefused(await admin.GraphQLAsync(AddPeriod, new { year = "2028/29", kind = "TERM", name = "  ", startsOn = "2028-11-01", endsOn = "2028-12-15" }),
            "addTermPeriod", "INVALID", "name");
        AssertRefused(await admin.GraphQLAsync(AddPeriod, new { year = "2031/32", kind = "TERM", name = "Autumn 1", startsOn = "2031-09-03", endsOn = "2031-10-24" }),
            "addTermPeriod", "NOT_FOUND", "academicYear");
        Assert.Equal(1, await PeriodsAsync());

        // Half terms may sit inside a term; the summer holiday may run on into September.
        Assert.Empty((await admin.GraphQLAsync(AddPeriod, new { year = "2028/29", kind = "HALF_TERM", name = "Half", startsOn = "2028-10-09", endsOn = "2028-10-13" }))
            .UserErrorCodes("addTermPeriod"));
        Assert.Empty((await admin.GraphQLAsync(AddPeriod, new { year = "2028/29", kind = "HOLIDAY", name = "Summer holiday", startsOn = "2029-07-23", endsOn = "2029-09-04" }))
            .UserErrorCodes("addTermPeriod"));
        var autumn2 = await admin.GraphQLAsync(AddPeriod, new { year = "2028/29", kind = "TERM", name = "Autumn 2", startsOn = "2028-10-30", endsOn = "2028-12-15" });
        var autumn2Id = autumn2.Get("addTermPeriod.termPeriod.id").GetString();

        // Changing Autumn 2 to start inside Autumn 1 is refused and leaves it as it was; a real change is kept.
        AssertRefused(await admin.GraphQLAsync(UpdatePeriod, new { id = autumn2Id, startsOn = "2028-10-20" }), "updateTermPeriod", "TERMS_OVERLAP", "startsOn");
        Assert.Equal(1, await world.CountAsync("SELECT count(*) FROM term_periods WHERE academic_year = '2028/29' AND name = 'Autumn 2' AND starts_on = '2028-10-30'"));
        var changed = await admin.GraphQLAsync(UpdatePeriod, new { id = autumn2Id, startsOn = "2028-10-31", name = "Autumn two" });
        Assert.Empty(changed.UserErrorCodes("updateTermPeriod"));
        Assert.Equal("2028-12-15", changed.Get("updateTermPeriod.termPeriod.endsOn").GetString());
        Assert.Equal("Autumn two", changed.Get("updateTermPeriod.termPeriod.name").GetString());
        AssertRefused(await admin.GraphQLAsync(UpdatePeriod, new { id = "not-an-id" }), "updateTermPeriod", "NOT_FOUND", "id");

        using var booker = await world.SignInAsync("booker.990001@world.test");
        Assert.Equal(["NOT_ALLOWED"], (await booker.GraphQLAsync(UpdatePeriod, new { id = autumn1Id, name = "Mine" })).UserErrorCodes("updateTermPeriod"));
        Assert.Equal(["NOT_ALLOWED"], (await booker.GraphQLAsync(RemovePeriod, new { id = autumn1Id })).UserErrorCodes("removeTermPeriod"));
        Assert.Equal(4, await PeriodsAsync());

        var removed = await admin.GraphQLAsync(RemovePeriod, new { id = autumn1Id });
        Assert.Empty(removed.UserErrorCodes("removeTermPeriod"));
        Assert.Equal("Autumn 1", removed.Get("removeTermPeriod.termPeriod.name").GetString());
        AssertRefused(await admin.GraphQLAsync(RemovePeriod, new { id = autumn1Id }), "removeTermPeriod", "NOT_FOUND", "id");
        Assert.Equal(3, await PeriodsAsync());
    }

    [Fact]
    public async Task The_planner_uses_a_year_as_soon_as_an_admin_gives_it_terms()
    {
        using var leader = await world.SignInAsync("leader1@world.test");
        var created = await leader.GraphQLAsync("""
            mutation($urns: [ID!]!) { createCluster(input: { name: "Next year", academicYear: "2027/28", memberUrns: $urns }) { cluster { id } errors { code } } }
            """, new { urns = PeerReviewWorld.Urns[..4] });
        Assert.Empty(created.UserErrorCodes("createCluster"));
        const string plan = """
            mutation($id: ID!) { planReviewCycle(input: { clusterId: $id, academicYear: "2027/28" }) { cycle { visits { date } } errors { code message path } } }
            """;
        var clusterId = created.Get("createCluster.cluster.id").GetString();
        Assert.Equal(["TERM_DATES_MISSING"], (await leader.GraphQLAsync(plan, new { id = clusterId })).UserErrorCodes("planReviewCycle"));

        using var admin = await world.SignInAsync("admin@world.test");
        Assert.Empty((await admin.GraphQLAsync(AddYear, new { id = "2027/28" })).UserErrorCodes("addAcademicYear"));
        Assert.Empty((await admin.GraphQLAsync(AddPeriod, new { year = "2027/28", kind = "TERM", name = "Spring 1", startsOn = "2028-01-04", endsOn = "2028-02-11" }))
            .UserErrorCodes("addTermPeriod"));

        var planned = await leader.GraphQLAsync(plan, new { id = clusterId });
        Assert.Empty(planned.UserErrorCodes("planReviewCycle"));
        var dates = planned.Get("planReviewCycle.cycle.visits").EnumerateArray().Select(v => DateOnly.Parse(v.GetProperty("date").GetString()!)).ToList();
        Assert.Equal(4, dates.Count);
        Assert.All(dates, d => Assert.InRange(d, new DateOnly(2028, 1, 4), new DateOnly(2028, 2, 11)));
    }

    [Fact]
    public async Task Closure_days_are_kept_by_admins_and_the_schools_own_bookers_and_seen_by_its_people_leader_and_admins()
    {
        var (e, f) = (PeerReviewWorld.Urns[4], PeerReviewWorld.Urns[5]);
        using var bookerE = await world.SignInAsync($"booker.{e}@world.test");
        using var bookerF = await world.SignInAsync($"booker.{f}@world.test");
        using var admin = await world.SignInAsync("admin@world.test");
        using var leader1 = await world.SignInAsync("leader1@world.test");
        using var leader2 = await world.SignInAsync("leader2@world.test");
        using var commissioner = await world.SignInAsync("commissioner@world.test");
        using var anonymous = world.Silo.CreateClient();

        var added = await bookerE.GraphQLAsync(AddClosure, new { urn = e, date = "2027-01-11", reason = " Training day " });
        Assert.Empty(added.UserErrorCodes("addClosureDay"));
        Assert.Equal("Training day", added.Get("addClosureDay.closureDay.reason").GetString());
        Assert.Empty((await admin.GraphQLAsync(AddClosure, new { urn = f, date = "2027-01-12", reason = "INSET" })).UserErrorCodes("addClosureDay"));

        foreach (var client in new[] { bookerF, leader1, commissioner, anonymous })
        {
            Assert.Equal(["NOT_ALLOWED"], (await client.GraphQLAsync(AddClosure, new { urn = e, date = "2027-01-13", reason = "Mine" })).UserErrorCodes("addClosureDay"));
            Assert.Equal(["NOT_ALLOWED"], (await client.GraphQLAsync(RemoveClosure, new { urn = e, date = "2027-01-11" })).UserErrorCodes("removeClosureDay"));
        }
        AssertRefused(await bookerE.GraphQLAsync(AddClosure, new { urn = e, date = "2027-01-16", reason = "Saturday" }), "addClosureDay", "NOT_A_TERM_DAY", "date", "weekend");
        AssertRefused(await bookerE.GraphQLAsync(AddClosure, new { urn = e, date = "2026-12-23", reason = "Christmas" }), "addClosureDay", "NOT_A_TERM_DAY", "date");
        AssertRefused(await bookerE.GraphQLAsync(AddClosure, new { urn = e, date = "2027-05-03", reason = "May Day" }), "addClosureDay", "NOT_A_TERM_DAY", "date", "bank holiday");
        AssertRefused(await bookerE.GraphQLAsync(AddClosure, new { urn = e, date = "2035-01-09", reason = "Far" }), "addClosureDay", "NOT_A_TERM_DAY", "date");
        AssertRefused(await bookerE.GraphQLAsync(AddClosure, new { urn = e, date = "2027-01-11", reason = "Twice" }), "addClosureDay", "CLOSURE_DAY_EXISTS", "date");
        AssertRefused(await bookerE.GraphQLAsync(AddClosure, new { urn = e, date = "2027-01-13", reason = "" }), "addClosureDay", "INVALID", "reason");
        AssertRefused(await admin.GraphQLAsync(AddClosure, new { urn = "999999", date = "2027-01-13", reason = "INSET" }), "addClosureDay", "NOT_FOUND", "schoolUrn");
        Assert.Equal(2, await world.CountAsync("SELECT count(*) FROM school_closure_days"));

        // E's day: its booker, admins and the leader of its cluster; not another school, nor another leader, nor a commissioner.
        var cluster = await leader2.GraphQLAsync("""
            mutation($urns: [ID!]!) { createCluster(input: { name: "East", academicYear: "2026/27", memberUrns: $urns }) { errors { code } } }
            """, new { urns = PeerReviewWorld.Urns[3..] });
        Assert.Empty(cluster.UserErrorCodes("createCluster"));
        async Task<int> SeenAsync(HttpClient client) => (await client.GraphQLAsync(ClosureDays, new { urn = e })).Get("school.closureDays").GetArrayLength();
        Assert.Equal(1, await SeenAsync(bookerE));
        Assert.Equal(1, await SeenAsync(admin));
        Assert.Equal(1, await SeenAsync(leader2));
        Assert.Equal(0, await SeenAsync(leader1));
        Assert.Equal(0, await SeenAsync(bookerF));
        Assert.Equal(0, await SeenAsync(commissioner));
        var both = await admin.GraphQLAsync($$"""{ e: school(urn: "{{e}}") { closureDays { date } } f: school(urn: "{{f}}") { closureDays { date reason } } }""");
        Assert.Equal("2027-01-11", both.Get("e.closureDays.0.date").GetString());
        Assert.Equal("INSET", both.Get("f.closureDays.0.reason").GetString());

        var removed = await bookerE.GraphQLAsync(RemoveClosure, new { urn = e, date = "2027-01-11" });
        Assert.Empty(removed.UserErrorCodes("removeClosureDay"));
        AssertRefused(await bookerE.GraphQLAsync(RemoveClosure, new { urn = e, date = "2027-01-11" }), "removeClosureDay", "NOT_FOUND", "date");
        Assert.Equal(0, await SeenAsync(bookerE));
    }

    [Fact]
    public async Task The_term_date_pages_are_for_admins_and_the_training_days_page_for_bookers_too()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = world.Silo.BaseAddress };
        var signIn = await anonymous.GetAsync("/admin/term-dates");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/sign-in?returnTo=%2Fadmin%2Fterm-dates", signIn.Headers.Location?.OriginalString);
        // Pages take the session cookie, as a browser has it.
        async Task<HttpClient> BrowserAsync(string email)
        {
            var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = world.Silo.BaseAddress };
            var session = await client.PostAsJsonAsync("/auth/session", new { email, password = PeerReviewWorld.Password });
            session.EnsureSuccessStatusCode();
            client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", session.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
            return client;
        }
        using var booker = await BrowserAsync("booker.990001@world.test");
        using var senco = await BrowserAsync("senco.990001@world.test");
        using var admin = await BrowserAsync("admin@world.test");
        foreach (var path in new[] { "/admin/term-dates", "/admin/term-dates/2026-27", "/admin/term-dates/2026-27/closures" })
        {
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await booker.GetAsync(path)).StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);
        }
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await senco.GetAsync("/school/closures")).StatusCode);
        var own = await booker.GetAsync("/school/closures?year=2026-27&urn=990002");
        Assert.Equal(System.Net.HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("School A", await own.Content.ReadAsStringAsync());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await admin.GetAsync("/admin/term-dates/2040-41")).StatusCode);
    }

    private static void AssertRefused(GraphQLResponse response, string payload, string code, string field, string? messageContains = null)
    {
        var error = Assert.Single(response.Get(payload + ".errors").EnumerateArray());
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(["input", field], error.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        if (messageContains is not null)
        {
            Assert.Contains(messageContains, error.GetProperty("message").GetString());
        }
        Assert.NotEqual(JsonValueKind.Null, error.GetProperty("message").ValueKind);
    }
}
