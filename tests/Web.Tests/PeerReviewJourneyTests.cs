namespace InclusionNetwork.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PeerReviewJourneyTests(WebFixture web)
{
    [Fact]
    public async Task An_ile_plans_a_cycle_sees_the_proposal_and_confirms_a_visit()
    {
        var (clusterId, members, leaderEmail) = await DemoSetup.UnplannedClusterAsync(web);

        await web.RunJourneyAsync("peerReview", new { clusterId, members, email = leaderEmail });
    }
}
