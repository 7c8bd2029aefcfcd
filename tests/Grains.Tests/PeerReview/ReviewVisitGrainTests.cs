using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.PeerReview;
using InclusionNetwork.Grains.Tests.Support;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Grains.Tests.PeerReview;

/// <summary>The visit grain holds its visit and cluster, on a real cluster of silos and database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReviewVisitGrainTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Writes_from_outside_the_grain_are_caught_by_the_visit_and_cluster_versions_and_the_rules_run_again_on_what_is_stored()
    {
        await using var cluster = await GrainCluster.StartAsync(await postgres.CreateMigratedDatabaseAsync(), new ManualClock(PeerReviewSeed.Now), silos: 1);
        var db = cluster.Database;
        var sencos = await PeerReviewSeed.SchoolsAsync(db, "970001", "970002", "970003");
        var (ada, bea) = (await PeerReviewSeed.LeaderAsync(db, "Ada Leader"), await PeerReviewSeed.LeaderAsync(db, "Bea Leader"));
        var (clusterId, cycleId) = await PeerReviewSeed.ClusterAsync(db, "North", ada, "970001", "970002", "970003");
        var visitId = await PeerReviewSeed.VisitAsync(db, cycleId, "970001", ada);
        var grain = cluster.GrainsOn(cluster.Silos[0]).GetGrain<IReviewVisitGrain>(visitId);

        var scheduled = await grain.ScheduleAsync(PeerReviewSeed.LeaderViewer(ada), new DateOnly(2027, 1, 13), [sencos["970002"], sencos["970003"]], null);
        Assert.True(scheduled.Succeeded, string.Join("; ", scheduled.Errors.Select(e => e.Message)));
        Assert.Equal(VisitStatus.CONFIRMED, scheduled.Value!.Status);

        // Behind the activation's back the cluster is handed to Bea. The activation still holds
        // Ada as its leader; the write finds the cluster moved on, reads it again, and Ada may no
        // longer act on the visit.
        await using (var outside = db.CreateCommand("UPDATE peer_review_clusters SET leader_id = @bea, version = version + 1 WHERE id = @id"))
        {
            outside.Parameters.AddWithValue("bea", bea);
            outside.Parameters.AddWithValue("id", clusterId);
            await outside.ExecuteNonQueryAsync();
        }
        var notAda = await grain.SubmitSelfEvaluationAsync(PeerReviewSeed.LeaderViewer(ada), "We know our children well.", [FrameworkArea.WELLBEING]);
        Assert.Equal(ErrorCodes.NotFound, Assert.Single(notAda.Errors).Code);

        // Then the visit is cancelled behind its back. Bea's self-evaluation is judged on the
        // CONFIRMED visit held, the visit's version check catches the write, and on the visit as
        // stored it is refused for its status.
        await using (var outside = db.CreateCommand("UPDATE review_visits SET status = 'CANCELLED', cancelled_at = now(), version = version + 1 WHERE id = @id"))
        {
            outside.Parameters.AddWithValue("id", visitId);
            await outside.ExecuteNonQueryAsync();
        }
        var refused = await grain.SubmitSelfEvaluationAsync(PeerReviewSeed.LeaderViewer(bea), "We know our children well.", [FrameworkArea.WELLBEING]);
        Assert.Equal(PeerReviewErrorCodes.WrongStatus, Assert.Single(refused.Errors).Code);
        Assert.Contains("CANCELLED", refused.Errors[0].Message);

        var stored = (await cluster.Service<VisitStore>().LoadAsync(visitId))!;
        Assert.Equal((VisitStatus.CANCELLED, scheduled.Value.Version + 1, (DateTimeOffset?)null), (stored.Status, stored.Version, stored.SelfEvaluationSubmittedAt));
    }
}
