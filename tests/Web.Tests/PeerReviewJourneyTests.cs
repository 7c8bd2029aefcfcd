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

    [Fact]
    public async Task Without_javascript_an_admin_forms_a_cluster_plans_its_cycle_and_confirms_a_visit_and_a_host_school_gives_its_self_evaluation_and_updates_an_action()
    {
        var free = await DemoSetup.SchoolsOutsideClustersAsync(web, count: 5);
        var (otherLeaderEmail, _, _) = await DemoSetup.ReportedVisitAsync(web);
        var host = await DemoSetup.HostedVisitsAsync(web, otherLeaderEmail);
        using var admin = await web.Silo.SignInAsync("admin@demo.test");
        var leaders = await admin.QueryAsync("{ inclusionLeaders { name email } }", path: "inclusionLeaders");
        var leaderName = leaders.EnumerateArray().First(l => l.GetProperty("email").GetString() == "leader7@demo.test").GetProperty("name").GetString();

        await web.RunJourneysAsync(
            ("clusterWithoutJavaScript", new
            {
                district = free.DistrictName,
                schools = free.Schools.Select(s => new { urn = s.Urn, name = s.Name }),
                leaderName,
                name = $"{free.DistrictName} new cluster",
            }),
            ("hostSchoolWithoutJavaScript", new { bookerEmail = host.BookerEmail, schoolName = host.SchoolName, confirmedVisitId = host.ConfirmedVisitId, reportedVisitId = host.ReportedVisitId }));
    }
}
