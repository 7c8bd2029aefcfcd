using System.Net;
using System.Text.Json;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Uptake;

/// <summary>
/// Network leads and ILEs read their district's figures: the districts of the networks they
/// organise, and for an ILE also of their own school and of the clusters they lead. A
/// DISTRICT breakdown gives them those rows only, COUNTY the county total; AREA, PHASE and
/// SCHOOL_TYPE are refused; the CSV report follows the same rule. Commissioners still see
/// every district. In <see cref="UptakeWorld"/>: the network lead organises Dartford's SENCO
/// forum; ILE L2 is of A1's staff and led K3 (Ashford schools).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class UptakeDistrictAccessTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string ByDistrict = "{ uptake { peerReview(groupBy: DISTRICT, academicYear: \"2025/26\") { group schools schoolsReviewed } } }";

    private UptakeWorld world = null!;

    public async Task InitializeAsync() => world = await UptakeWorld.StartAsync(postgres);

    public async Task DisposeAsync() => await world.DisposeAsync();

    private static List<string> Groups(GraphQLResponse response, string field) =>
        [.. response.Get($"uptake.{field}").EnumerateArray().Select(r => r.GetProperty("group").GetString()!)];

    [Fact]
    public async Task A_network_lead_reads_their_districts_rows_and_the_county_total_only()
    {
        var lead = await world.AsAsync(UptakeWorld.NetworkLead);
        var districts = await lead.GraphQLAsync(ByDistrict);
        Assert.Equal(["Dartford"], Groups(districts, "peerReview"));
        Assert.Equal(3, districts.Get("uptake.peerReview.0.schoolsReviewed").GetInt32());
        var county = await lead.GraphQLAsync("""
            { uptake {
                training(groupBy: COUNTY, academicYear: "2025/26") { group schools bookings }
                evaluationsBy(groupBy: DISTRICT, academicYear: "2025/26") { group summary { responses suppressed } }
                evaluations(academicYear: "2025/26") { responses }
                leadership(groupBy: DISTRICT, academicYear: "2025/26") { group schools }
            } }
            """);
        Assert.Equal(8, county.Get("uptake.training.0.schools").GetInt32());
        Assert.Equal(21, county.Get("uptake.training.0.bookings").GetInt32());
        Assert.Equal(["Dartford"], Groups(county, "evaluationsBy"));
        Assert.True(county.Get("uptake.evaluationsBy.0.summary.suppressed").GetBoolean());
        Assert.Equal(6, county.Get("uptake.evaluations.responses").GetInt32());
        Assert.Equal(["Dartford"], Groups(county, "leadership"));

        foreach (var by in new[] { "AREA", "PHASE", "SCHOOL_TYPE" })
        {
            var refused = await lead.GraphQLAsync($"{{ uptake {{ training(groupBy: {by}) {{ group }} }} }}");
            var error = Assert.Single(refused.Errors);
            Assert.Equal("FORBIDDEN", error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.Equal(JsonValueKind.Null, refused.Data.ValueKind);
        }

        // The CSV report: the same rows, the same refusals.
        var csv = await lead.GetAsync("/reports/uptake.csv?measure=peerReview&groupBy=DISTRICT&academicYear=2025/26");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Dartford,4,4,3,1,", lines[1]);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync("/reports/uptake.csv?measure=peerReview&groupBy=AREA")).StatusCode);
        Assert.StartsWith("County,8,", (await (await lead.GetAsync("/reports/uptake.csv?measure=peerReview&groupBy=COUNTY")).Content.ReadAsStringAsync()).Split("\r\n")[1]);
    }

    [Fact]
    public async Task An_ile_reads_the_districts_of_their_school_and_clusters_and_a_commissioner_reads_every_district()
    {
        Assert.Equal(["Ashford"], Groups(await (await world.AsAsync(UptakeWorld.Leader)).GraphQLAsync(ByDistrict), "peerReview"));
        // A network lead who organises nothing yet has no district: no rows, though the county total is there.
        var lone = await world.AsAsync(UptakeWorld.LoneNetworkLead);
        Assert.Empty(Groups(await lone.GraphQLAsync(ByDistrict), "peerReview"));
        Assert.Equal(["County"], Groups(await lone.GraphQLAsync("{ uptake { peerReview(groupBy: COUNTY) { group } } }"), "peerReview"));
        Assert.Equal(UptakeCounty.Districts, Groups(await (await world.AsAsync(UptakeWorld.Commissioner)).GraphQLAsync(ByDistrict), "peerReview"));
        Assert.Equal(UptakeCounty.Areas, Groups(await (await world.AsAsync(UptakeWorld.Commissioner)).GraphQLAsync("{ uptake { peerReview(groupBy: AREA) { group } } }"), "peerReview"));
    }
}
