namespace InclusionNetwork.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DashboardJourneyTests(WebFixture web)
{
    [Fact]
    public Task A_commissioner_reads_each_measure_by_a_breakdown_as_a_table_and_chart_and_downloads_the_csv() => web.RunJourneyAsync("dashboard");
}

[Collection(BrowserCollection.Name)]
public sealed class ExplorerJourneyTests(WebFixture web)
{
    [Fact]
    public Task The_graphql_explorer_runs_a_query_under_the_content_security_policy() => web.RunJourneyAsync("explorer");
}
