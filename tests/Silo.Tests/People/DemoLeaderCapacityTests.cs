using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.People;

/// <summary>The demo county has the leaders it needs: room for every open mainstream school, and a leader with a cluster to spare.</summary>
[Collection(PostgresCollection.Second)]
public sealed class DemoLeaderCapacityTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Every_open_mainstream_school_fits_in_a_cluster_and_a_leader_has_room_for_a_new_one()
    {
        await using var world = await PeopleWorld.StartAsync(postgres);

        var mainstream = await world.ScalarAsync<long>(
            "SELECT count(*) FROM schools WHERE open AND school_type IN ('MAINTAINED', 'ACADEMY', 'FREE_SCHOOL') AND phase <> 'EARLY_YEARS'");
        var capacity = await world.ScalarAsync<long>("SELECT sum(max_clusters) FROM inclusion_leaders WHERE retired_at IS NULL");
        var spare = await world.ScalarAsync<long>("""
            SELECT count(*) FROM inclusion_leaders l WHERE l.retired_at IS NULL
              AND l.max_clusters > (SELECT count(*) FROM peer_review_clusters k WHERE k.leader_id = l.id AND k.academic_year = '2026/27')
            """);

        Assert.True(mainstream > 0);
        Assert.True(capacity * 6 >= mainstream, $"{capacity} clusters of six hold {capacity * 6} schools; {mainstream} open mainstream schools");
        Assert.True(spare >= 1, "a leader has a cluster to spare");
    }
}
