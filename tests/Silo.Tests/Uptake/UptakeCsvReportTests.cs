using System.Net;
using System.Net.Http.Json;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Uptake;

/// <summary>
/// <c>GET /reports/uptake.csv</c>: the same rows as GraphQL, as RFC 4180 CSV (header row,
/// CRLF, UTF-8, quoted where needed), named for download, with every filter of the dashboard
/// and the same suppression; bad parameters are 400 with a message naming them.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class UptakeCsvReportTests(SharedUptakeWorld shared) : IClassFixture<SharedUptakeWorld>
{
    private readonly UptakeWorld world = shared.World;

    private async Task<HttpResponseMessage> GetAsync(string query) =>
        await (await world.AsAsync(UptakeWorld.Commissioner)).GetAsync("/reports/uptake.csv?" + query);

    [Fact]
    public async Task Peer_review_by_district_is_a_named_csv_download()
    {
        var response = await GetAsync("measure=peerReview&groupBy=DISTRICT&academicYear=2025/26");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment; filename=\"uptake-peerReview-DISTRICT-2025-26.csv\"", Disposition(response));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(0xEF, bytes[0]);
        // The figures of UptakeFiguresTests.Peer_review_2025_26_by_every_breakdown; every district in
        // the county's order, empty ones with zeros and empty rates; CRLF after every record.
        Assert.Equal(
            "group,schools,schoolsInCluster,schoolsReviewed,schoolsImplementingActions,participationRate,coverageRate," +
            "schoolsActivelyParticipating,activeParticipationRate,implementingRate\r\n" +
            "Dartford,4,4,3,1,1,0.75,4,1," + (1.0 / 3).ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "\r\n" +
            "Gravesham,0,0,0,0,,,0,,\r\n" +
            "Sevenoaks,0,0,0,0,,,0,,\r\n" +
            "Ashford,4,0,1,0,0,0.25,0,0,0\r\n" +
            "Dover,0,0,0,0,,,0,,\r\n" +
            "Folkestone and Hythe,0,0,0,0,,,0,,\r\n" +
            "Canterbury,0,0,0,0,,,0,,\r\n" +
            "Swale,0,0,0,0,,,0,,\r\n" +
            "Thanet,0,0,0,0,,,0,,\r\n" +
            "Maidstone,0,0,0,0,,,0,,\r\n" +
            "Tonbridge and Malling,0,0,0,0,,,0,,\r\n" +
            "Tunbridge Wells,0,0,0,0,,,0,,\r\n",
            System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task Every_measure_has_its_columns()
    {
        Assert.Equal(
            "group,schools,schoolsWithSeniorAndMiddleLeader,rate,levels.MIDDLE.schools,levels.MIDDLE.rate,levels.SENIOR.schools,levels.SENIOR.rate," +
            "levels.HEADTEACHER_EXECUTIVE.schools,levels.HEADTEACHER_EXECUTIVE.rate\r\nCounty,8,2,0.25,3,0.375,7,0.875,0,0\r\n",
            await (await GetAsync("measure=leadership&groupBy=COUNTY&academicYear=2025/26")).Content.ReadAsStringAsync());
        Assert.Equal(
            "group,schools,schoolsEngaged,bookings,completions,completionRate,engagementRate\r\n" +
            "County,8,7,21,18," + (18.0 / 21).ToString("R", System.Globalization.CultureInfo.InvariantCulture) + ",0.875\r\n",
            await (await GetAsync("measure=training&groupBy=COUNTY&academicYear=2025/26")).Content.ReadAsStringAsync());
        // Course 3 in 2025/26 is R8: 13 (D1, PRIMARY) completed, 23 (D2, PRIMARY) not, 72 (A2, SECONDARY) completed.
        Assert.Equal(
            "group,schools,schoolsEngaged,bookings,completions,completionRate,engagementRate\r\n" +
            "EARLY_YEARS,1,0,0,0,,0\r\nPRIMARY,4,2,2,1,0.5,0.5\r\nSECONDARY,2,1,1,1,1,0.5\r\nALL_THROUGH,1,0,0,0,,0\r\nPOST_16,0,0,0,0,,\r\n",
            await (await GetAsync("measure=training&groupBy=PHASE&academicYear=2025/26&strand=TARGETED_AND_SPECIALIST&courseId=3")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Evaluations_are_one_county_row_and_suppressed_below_five()
    {
        var response = await GetAsync("measure=evaluations&academicYear=2024/25");
        Assert.Equal("attachment; filename=\"uptake-evaluations-COUNTY-2024-25.csv\"", Disposition(response));
        Assert.Equal(
            "responses,goodOrExcellentRate,improvedKnowledgeRate,improvedConfidenceRate,followUps,implementedRate,suppressed\r\n4,,,,1,,true\r\n",
            await response.Content.ReadAsStringAsync());
        // With a groupBy they are evaluationsBy's groups, suppressed as there. Course 4 in 2025/26 (R11):
        // Dartford 2 responses (13, 23; follow-ups 13, 23), Ashford 3 (61, 62, 93; follow-up 62).
        var districts = (await (await GetAsync("measure=evaluations&groupBy=DISTRICT&academicYear=2025/26&strand=PROGRESS_AND_OUTCOMES")).Content.ReadAsStringAsync())
            .Split("\r\n");
        Assert.Equal("group,responses,goodOrExcellentRate,improvedKnowledgeRate,improvedConfidenceRate,followUps,implementedRate,suppressed", districts[0]);
        Assert.Equal("Dartford,2,,,,2,,true", districts[1]);
        Assert.Equal("Ashford,3,,,,1,,true", districts[4]);
        Assert.Equal("Gravesham,0,,,,0,,true", districts[2]);
        // By phase, PRIMARY (5 responses) is suppressed as well as SECONDARY (1): the county total less
        // PRIMARY would give SECONDARY's one answer away.
        Assert.Equal(
            "group,responses,goodOrExcellentRate,improvedKnowledgeRate,improvedConfidenceRate,followUps,implementedRate,suppressed\r\n" +
            "EARLY_YEARS,0,,,,0,,true\r\nPRIMARY,5,,,,4,,true\r\nSECONDARY,1,,,,1,,true\r\nALL_THROUGH,0,,,,0,,true\r\nPOST_16,0,,,,0,,true\r\n",
            await (await GetAsync("measure=evaluations&groupBy=PHASE&academicYear=2025/26")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_dashboard_filter_is_kept()
    {
        // Training in quarter 1 of 2025/26, mainstream schools, strand TARGETED_AND_SPECIALIST: R8 (1 September
        // 2025): 13 (D1) and 72 (A2) completed, 23 (D2) did not.
        var response = await GetAsync("measure=training&groupBy=COUNTY&academicYear=2025/26&quarter=1&scope=MAINSTREAM&strand=TARGETED_AND_SPECIALIST");
        Assert.Equal("attachment; filename=\"uptake-training-COUNTY-2025-26-Q1-MAINSTREAM.csv\"", Disposition(response));
        Assert.EndsWith("\r\nCounty,6,3,3,2," + (2.0 / 3).ToString("R", System.Globalization.CultureInfo.InvariantCulture) + ",0.5\r\n",
            await response.Content.ReadAsStringAsync());
        // The strand is kept: PROGRESS_AND_OUTCOMES has no run starting in quarter 1.
        Assert.EndsWith("\r\nCounty,6,0,0,0,,0\r\n",
            await (await GetAsync("measure=training&groupBy=COUNTY&academicYear=2025/26&quarter=1&scope=MAINSTREAM&strand=PROGRESS_AND_OUTCOMES")).Content.ReadAsStringAsync());
        // Need type and core offer: course 4 (COGNITION_AND_LEARNING) is not core offer.
        Assert.EndsWith("\r\nCounty,8,5,6,5," + (5.0 / 6).ToString("R", System.Globalization.CultureInfo.InvariantCulture) + ",0.625\r\n",
            await (await GetAsync("measure=training&groupBy=COUNTY&academicYear=2025/26&needType=COGNITION_AND_LEARNING")).Content.ReadAsStringAsync());
        Assert.EndsWith("\r\nCounty,8,0,0,0,,0\r\n",
            await (await GetAsync("measure=training&groupBy=COUNTY&academicYear=2025/26&needType=COGNITION_AND_LEARNING&coreOfferOnly=true")).Content.ReadAsStringAsync());
        // Quarter 1 evaluations: only 72's (suppressed).
        Assert.EndsWith("\r\n1,,,,1,,true\r\n", await (await GetAsync("measure=evaluations&academicYear=2025/26&quarter=1")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_year_defaults_to_the_current_one()
    {
        var response = await GetAsync("measure=leadership&groupBy=COUNTY");
        Assert.Equal("attachment; filename=\"uptake-leadership-COUNTY-2026-27.csv\"", Disposition(response));
        // 2026/27 adds 32's MIDDLE completion (R6 ended 1 September 2026): D3 has both leaders now.
        Assert.EndsWith("County,8,3,0.375,4,0.5,7,0.875,0,0\r\n", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("groupBy=COUNTY", "measure must be one of peerReview, leadership, training, evaluations.")]
    [InlineData("measure=PeerReview&groupBy=COUNTY", "measure must be one of peerReview, leadership, training, evaluations.")]
    [InlineData("measure=peerReview", "groupBy must be one of COUNTY, AREA, DISTRICT, PHASE, SCHOOL_TYPE.")]
    [InlineData("measure=peerReview&groupBy=district", "groupBy must be one of COUNTY, AREA, DISTRICT, PHASE, SCHOOL_TYPE.")]
    [InlineData("measure=evaluations&groupBy=WARD", "groupBy must be one of COUNTY, AREA, DISTRICT, PHASE, SCHOOL_TYPE.")]
    [InlineData("measure=training&groupBy=AREA&academicYear=2025-26",
        "\"2025-26\" is not an academic year: write it as 2025/26 (1 September 2025 to 31 August 2026).")]
    [InlineData("measure=training&groupBy=AREA&strand=ALL", "strand must be one of SCHOOL_TO_SCHOOL_SYSTEM, TARGETED_AND_SPECIALIST, PROGRESS_AND_OUTCOMES, EARLY_YEARS.")]
    [InlineData("measure=training&groupBy=AREA&courseId=x1", "\"x1\" is not a course id.")]
    [InlineData("measure=training&measure=leadership&groupBy=AREA", "Give measure once.")]
    [InlineData("measure=training&groupBy=AREA&quarter=5", "quarter must be 1, 2, 3 or 4.")]
    [InlineData("measure=training&groupBy=AREA&scope=mainstream", "scope must be one of ALL, MAINSTREAM, EARLY_YEARS, SPECIAL_AND_ALTERNATIVE.")]
    [InlineData("measure=training&groupBy=AREA&coreOfferOnly=yes", "coreOfferOnly must be true or false.")]
    public async Task Bad_parameters_are_refused_with_a_message(string query, string message)
    {
        var response = await GetAsync(query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await response.Content.ReadFromJsonAsync<ErrorBody>())!.Message);
    }

    private static string Disposition(HttpResponseMessage response) => string.Join(", ", response.Content.Headers.GetValues("Content-Disposition"));

    private sealed record ErrorBody(string Message);
}
