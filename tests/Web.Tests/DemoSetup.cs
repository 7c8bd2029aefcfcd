using System.Globalization;
using System.Text.Json;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Web.Tests;

/// <summary>
/// Finds or makes, through the public GraphQL API, the data a journey starts from, so each
/// journey owns what it changes and the journeys can share one Silo.
/// </summary>
public static class DemoSetup
{
    public sealed record Run(string CourseId, string CourseTitle, string RunId);

    public sealed record School(string Urn, string Name, IReadOnlyList<string> StaffNames);

    public static async Task<JsonElement> QueryAsync(this HttpClient client, string query, object? variables = null, string? path = null)
    {
        var response = await client.GraphQLAsync(query, variables);
        if (response.Errors.Count > 0)
        {
            throw new InvalidOperationException($"Set-up query failed: {response.Body}");
        }
        return path is null ? response.Data : response.Get(path);
    }

    /// <summary>A new run of an in-person course, starting in a month, with the given number of places.</summary>
    public static async Task<Run> ScheduleRunAsync(WebFixture web, int capacity)
    {
        using var provider = await web.Silo.SignInAsync("provider@demo.test");
        var course = (await provider.QueryAsync("{ directory(first: 1, filter: { deliveryModes: [IN_PERSON] }) { nodes { id title } } }", path: "directory.nodes"))[0];
        var district = (await provider.QueryAsync("{ districts { id } }", path: "districts"))[0].GetProperty("id").GetString();
        var start = DateTimeOffset.UtcNow.Date.AddDays(35).AddHours(9);
        var payload = await provider.QueryAsync(
            "mutation($input: ScheduleRunInput!) { scheduleRun(input: $input) { run { id } errors { code message } } }",
            new
            {
                input = new
                {
                    courseId = course.GetProperty("id").GetString(),
                    sessions = new[] { Session(start), Session(start.AddDays(7)) },
                    venue = "County Hall, Training Room 2",
                    districtId = district,
                    capacity,
                },
            }, "scheduleRun");
        Assert.True(payload.GetProperty("errors").GetArrayLength() == 0, $"scheduleRun refused: {payload}");
        return new Run(course.GetProperty("id").GetString()!, course.GetProperty("title").GetString()!, payload.GetProperty("run").GetProperty("id").GetString()!);
    }

    private static object Session(DateTimeOffset start) => new
    {
        startsAt = start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        endsAt = start.AddHours(3).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };

    /// <summary>An open school with at least <paramref name="staff"/> members of staff, skipping the first <paramref name="skip"/> such schools.</summary>
    public static async Task<School> SchoolWithStaffAsync(WebFixture web, int staff, int skip = 0)
    {
        using var admin = await web.Silo.SignInAsync("admin@demo.test");
        var schools = await admin.QueryAsync("{ schools(first: 60, filter: { phase: PRIMARY }) { nodes { urn name staff { name } } } }", path: "schools.nodes");
        var school = schools.EnumerateArray().Where(s => s.GetProperty("staff").GetArrayLength() >= staff).Skip(skip).First();
        return new School(school.GetProperty("urn").GetString()!, school.GetProperty("name").GetString()!,
            [.. school.GetProperty("staff").EnumerateArray().Select(s => s.GetProperty("name").GetString()!)]);
    }

    // A page of 40 courses with every run's bookings stays under the cost limit; the set-up reads every page.
    private const string RunsWithBookings = """
        query($after: String) { directory(first: 40, after: $after) { pageInfo { hasNextPage endCursor } nodes { runs(includePast: true) { id endsAt status
            bookings { id status completed staff { id email } evaluation { submittedAt } followUp { submittedAt } } } } } }
        """;

    private static async Task<IReadOnlyList<JsonElement>> PastRunsAsync(HttpClient client)
    {
        var runs = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = await client.QueryAsync(RunsWithBookings, new { after }, path: "directory");
            runs.AddRange(page.GetProperty("nodes").EnumerateArray().SelectMany(n => n.GetProperty("runs").EnumerateArray())
                .Where(r => r.GetProperty("status").GetString() != "CANCELLED" && r.GetProperty("endsAt").GetDateTimeOffset() < DateTimeOffset.UtcNow));
            var pageInfo = page.GetProperty("pageInfo");
            after = pageInfo.GetProperty("hasNextPage").GetBoolean() ? pageInfo.GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);
        return runs;
    }

    private static IEnumerable<JsonElement> Confirmed(JsonElement run) =>
        run.GetProperty("bookings").EnumerateArray().Where(b => b.GetProperty("status").GetString() == "CONFIRMED");

    /// <summary>A run that has ended, with confirmed bookings to take attendance for.</summary>
    public static async Task<string> PastRunWithBookingsAsync(WebFixture web)
    {
        using var provider = await web.Silo.SignInAsync("provider@demo.test");
        var run = (await PastRunsAsync(provider)).First(r => Confirmed(r).Any());
        return run.GetProperty("id").GetString()!;
    }

    /// <summary>A completed booking on a finished run, not yet evaluated, of someone with an account; skips the first <paramref name="skip"/>.</summary>
    public static async Task<(string Email, string BookingId)> BookingToEvaluateAsync(WebFixture web, int skip = 0)
    {
        using var admin = await web.Silo.SignInAsync("admin@demo.test");
        var booking = (await PastRunsAsync(admin)).SelectMany(Confirmed)
            .Where(b => b.GetProperty("completed").GetBoolean() && b.GetProperty("evaluation").ValueKind == JsonValueKind.Null
                && b.GetProperty("followUp").ValueKind == JsonValueKind.Null
                && b.GetProperty("staff").GetProperty("email").ValueKind == JsonValueKind.String)
            .Skip(skip).First();
        return ($"staff.{booking.GetProperty("staff").GetProperty("id").GetString()}@demo.test", booking.GetProperty("id").GetString()!);
    }

    /// <summary>An active cluster of the current academic year whose cycle still has visits to propose, and its leader's email.</summary>
    public static async Task<(string ClusterId, int Members, string LeaderEmail)> ClusterToPlanAsync(WebFixture web, string leaderEmail)
    {
        using var admin = await web.Silo.SignInAsync("admin@demo.test");
        var year = AcademicYear(0);
        var clusters = await admin.QueryAsync("query($year: String) { clusters(academicYear: $year) { id active members { urn } leader { email } cycle { visits { status } } } }",
            new { year }, "clusters");
        var cluster = clusters.EnumerateArray().First(c => c.GetProperty("active").GetBoolean() && c.GetProperty("leader").ValueKind == JsonValueKind.Object
            && c.GetProperty("leader").GetProperty("email").GetString() == leaderEmail
            && (c.GetProperty("cycle").ValueKind == JsonValueKind.Null
                || c.GetProperty("cycle").GetProperty("visits").EnumerateArray().Any(v => v.GetProperty("status").GetString() == "PROPOSED")));
        return (cluster.GetProperty("id").GetString()!, cluster.GetProperty("members").GetArrayLength(),
            cluster.GetProperty("leader").GetProperty("email").GetString()!);
    }

    /// <summary>A reported visit of last year's cycle, with an action not started: its leader, cluster and visit.</summary>
    public static async Task<(string LeaderEmail, string ClusterId, string VisitId)> ReportedVisitAsync(WebFixture web)
    {
        using var admin = await web.Silo.SignInAsync("admin@demo.test");
        var clusters = await admin.QueryAsync(
            "query($year: String) { clusters(academicYear: $year) { id leader { email } cycle { visits { id status report { actions { status } } } } } }",
            new { year = AcademicYear(-1) }, "clusters");
        foreach (var cluster in clusters.EnumerateArray().Where(c => c.GetProperty("leader").ValueKind == JsonValueKind.Object
            && c.GetProperty("cycle").ValueKind == JsonValueKind.Object))
        {
            var visit = cluster.GetProperty("cycle").GetProperty("visits").EnumerateArray().FirstOrDefault(v => v.GetProperty("status").GetString() == "REPORTED"
                && v.GetProperty("report").GetProperty("actions").EnumerateArray().Any(a => a.GetProperty("status").GetString() == "NOT_STARTED"));
            if (visit.ValueKind == JsonValueKind.Object)
            {
                return (cluster.GetProperty("leader").GetProperty("email").GetString()!, cluster.GetProperty("id").GetString()!, visit.GetProperty("id").GetString()!);
            }
        }
        throw new InvalidOperationException($"The demo county has no reported visit with an action not started in {AcademicYear(-1)}.");
    }

    public sealed record FreeSchools(string DistrictName, IReadOnlyList<School> Schools);

    /// <summary>
    /// Open schools with staff in no cluster of the current academic year, all of one district
    /// (the last that has <paramref name="count"/> of them), to form a new cluster from.
    /// </summary>
    public static async Task<FreeSchools> SchoolsOutsideClustersAsync(WebFixture web, int count)
    {
        using var admin = await web.Silo.SignInAsync("admin@demo.test");
        var districts = await admin.QueryAsync("{ districts { id name } }", path: "districts");
        foreach (var district in districts.EnumerateArray().Reverse())
        {
            var schools = await admin.QueryAsync(
                "query($district: ID) { schools(first: 60, filter: { district: $district }) { nodes { urn name phase staff { name } peerReviewCluster { id } } } }",
                new { district = district.GetProperty("id").GetString() }, "schools.nodes");
            var free = schools.EnumerateArray()
                .Where(s => s.GetProperty("peerReviewCluster").ValueKind == JsonValueKind.Null && s.GetProperty("staff").GetArrayLength() >= 2
                    && s.GetProperty("phase").GetString() != "EARLY_YEARS")
                .Take(count).ToList();
            if (free.Count == count)
            {
                return new FreeSchools(district.GetProperty("name").GetString()!, [.. free.Select(s => new School(s.GetProperty("urn").GetString()!,
                    s.GetProperty("name").GetString()!, [.. s.GetProperty("staff").EnumerateArray().Select(m => m.GetProperty("name").GetString()!)]))]);
            }
        }
        throw new InvalidOperationException($"No district of the demo county has {count} open schools with staff outside this year's clusters.");
    }

    public sealed record HostedVisits(string BookerEmail, string SchoolName, string ConfirmedVisitId, string ReportedVisitId);

    /// <summary>
    /// A school hosting a confirmed visit this year with its self-evaluation still to give (at
    /// least a week ahead), that hosted a reported visit last year, in a cluster whose leader
    /// is not <paramref name="otherLeaderEmail"/> (another journey works on theirs).
    /// </summary>
    public static async Task<HostedVisits> HostedVisitsAsync(WebFixture web, string otherLeaderEmail)
    {
        using var admin = await web.Silo.SignInAsync("admin@demo.test");
        const string Visits = """
            query($year: String) { clusters(academicYear: $year) { leader { email } cycle { visits {
                id status date selfEvaluationSubmittedAt host { urn name } report { actions { id } } } } } }
            """;
        IEnumerable<JsonElement> VisitsOf(JsonElement clusters) => clusters.EnumerateArray()
            .Where(c => c.GetProperty("cycle").ValueKind == JsonValueKind.Object
                && !(c.GetProperty("leader") is { ValueKind: JsonValueKind.Object } l && l.GetProperty("email").GetString() == otherLeaderEmail))
            .SelectMany(c => c.GetProperty("cycle").GetProperty("visits").EnumerateArray());
        var lastYear = VisitsOf(await admin.QueryAsync(Visits, new { year = AcademicYear(-1) }, "clusters"))
            .Where(v => v.GetProperty("status").GetString() is "REPORTED" or "FOLLOWED_UP" && v.GetProperty("report").GetProperty("actions").GetArrayLength() > 0)
            .ToDictionary(v => v.GetProperty("host").GetProperty("urn").GetString()!, v => v.GetProperty("id").GetString()!);
        var weekAhead = DateTime.UtcNow.Date.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var visit = VisitsOf(await admin.QueryAsync(Visits, new { year = AcademicYear(0) }, "clusters"))
            .First(v => v.GetProperty("status").GetString() == "CONFIRMED" && v.GetProperty("selfEvaluationSubmittedAt").ValueKind == JsonValueKind.Null
                && string.CompareOrdinal(v.GetProperty("date").GetString(), weekAhead) > 0 && lastYear.ContainsKey(v.GetProperty("host").GetProperty("urn").GetString()!));
        var host = visit.GetProperty("host");
        var urn = host.GetProperty("urn").GetString()!;
        return new HostedVisits($"booker.{urn}@demo.test", host.GetProperty("name").GetString()!, visit.GetProperty("id").GetString()!, lastYear[urn]);
    }

    /// <summary>The academic year (1 September to 31 August) <paramref name="offset"/> years from the current one, as "2025/26".</summary>
    private static string AcademicYear(int offset)
    {
        var today = DateTime.UtcNow;
        var start = (today.Month >= 9 ? today.Year : today.Year - 1) + offset;
        return $"{start}/{(start + 1) % 100:00}";
    }
}
