namespace InclusionNetwork.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DashboardJourneyTests(WebFixture web)
{
    [Fact]
    public Task A_commissioner_reads_each_measure_by_a_breakdown_and_quarter_as_a_table_chart_and_trend_and_downloads_the_csv() => web.RunJourneyAsync("dashboard");

    /// <summary>The page is drawn on the server: the same journey with JavaScript off, then an ILE's district view.</summary>
    [Fact]
    public Task With_javascript_turned_off_the_dashboard_works_and_an_ile_sees_their_district() =>
        web.RunJourneysAsync(("dashboardWithoutJavaScript", null), ("dashboardDistrictWithoutJavaScript", null));
}

[Collection(BrowserCollection.Name)]
public sealed class ExplorerJourneyTests(WebFixture web)
{
    [Fact]
    public Task The_graphql_explorer_runs_a_query_under_the_content_security_policy() => web.RunJourneyAsync("explorer");
}
