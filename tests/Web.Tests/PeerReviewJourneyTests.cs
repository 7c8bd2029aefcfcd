namespace InclusionNetwork.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PeerReviewJourneyTests(WebFixture web)
{
    [Fact]
    public async Task An_ile_plans_a_cycle_confirms_a_visit_with_reviewers_records_the_self_evaluation_and_follows_up_a_report()
    {
        var (leaderEmail, reportedClusterId, reportedVisitId) = await DemoSetup.ReportedVisitAsync(web);
        var (clusterId, members, _) = await DemoSetup.ClusterToPlanAsync(web, leaderEmail);

        await web.RunJourneyAsync("peerReview", new { clusterId, members, email = leaderEmail, reportedClusterId, reportedVisitId });
    }
}
