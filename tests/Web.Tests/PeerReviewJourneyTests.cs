namespace InclusionNetwork.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PeerReviewJourneyTests(WebFixture web)
{
    [Fact]
    public async Task An_ile_plans_a_cycle_sees_the_proposal_confirms_a_visit_with_reviewers_and_records_the_self_evaluation()
    {
        var (clusterId, members, leaderEmail) = await DemoSetup.ClusterToPlanAsync(web);

        await web.RunJourneyAsync("peerReview", new { clusterId, members, email = leaderEmail });
    }
}
