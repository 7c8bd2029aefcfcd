using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.PeerReview;
using InclusionNetwork.Grains.Tests.Support;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Grains.Tests.PeerReview;

/// <summary>The cluster grain holds its cluster, on a real cluster of silos and database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterGrainTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_write_from_outside_the_grain_is_caught_by_the_version_check_and_who_may_act_is_checked_again()
    {
        await using var cluster = await GrainCluster.StartAsync(await postgres.CreateMigratedDatabaseAsync(), new ManualClock(Now), silos: 1);
        long clusterId, ada, bea;
        await using (var seed = cluster.Database.CreateCommand("""
            INSERT INTO inclusion_leaders (name, email, created_at) VALUES ('Ada', 'ada@example.test', @now), ('Bea', 'bea@example.test', @now);
            WITH k AS (
                INSERT INTO peer_review_clusters (name, academic_year, leader_id, created_at, updated_at)
                SELECT 'North', '2026/27', min(id), @now, @now FROM inclusion_leaders RETURNING id
            )
            INSERT INTO review_cycles (cluster_id, academic_year, created_at, updated_at) SELECT id, '2026/27', @now, @now FROM k;
            SELECT (SELECT id FROM peer_review_clusters), min(id), max(id) FROM inclusion_leaders;
            """))
        {
            seed.Parameters.AddWithValue("now", Now);
            await using var reader = await seed.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            (clusterId, ada, bea) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }
        var adaViewer = new Viewer(10, "Ada", "ada@example.test", new HashSet<Role> { Role.LEADER }, null, null, ada);
        var grain = cluster.GrainsOn(cluster.Silos[0]).GetGrain<IClusterGrain>(clusterId);
        Assert.Equal("North cluster", (await grain.UpdateAsync(adaViewer, new ClusterChange("North cluster", false, null, null))).Value!.Name);

        // Behind the activation's back, the cluster is handed to another leader, moving its
        // version on as every writer must.
        await using (var outside = cluster.Database.CreateCommand("UPDATE peer_review_clusters SET leader_id = @bea, version = version + 1 WHERE id = @id"))
        {
            outside.Parameters.AddWithValue("bea", bea);
            outside.Parameters.AddWithValue("id", clusterId);
            await outside.ExecuteNonQueryAsync();
        }

        // The activation still holds Ada as the leader; the write finds the cluster moved on,
        // reads it again, and Ada may no longer change it.
        var refused = await grain.UpdateAsync(adaViewer, new ClusterChange("Ada's cluster", false, null, null));
        Assert.Equal(ErrorCodes.NotAllowed, Assert.Single(refused.Errors).Code);
        var stored = (await cluster.Service<ClusterStore>().LoadAsync(clusterId))!;
        Assert.Equal(("North cluster", (long?)bea, 3), (stored.Name, stored.LeaderId, stored.Version));
    }
}
