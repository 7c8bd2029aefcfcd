using InclusionNetwork.Grains.Leaders;
using InclusionNetwork.Grains.Tests.Support;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Grains.Tests.Leaders;

/// <summary>The leader grain answers for the leader's diary, on a real cluster and database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LeaderGrainTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_diary_names_the_days_the_leader_is_unavailable_within_the_span_asked_and_no_others()
    {
        await using var cluster = await GrainCluster.StartAsync(await postgres.CreateMigratedDatabaseAsync(), TimeProvider.System, silos: 1);
        long leaderId;
        await using (var seed = cluster.Database.CreateCommand("""
            INSERT INTO inclusion_leaders (name, email, created_at) VALUES ('Ada Leader', 'ada@example.test', now()) RETURNING id
            """))
        {
            leaderId = (long)(await seed.ExecuteScalarAsync())!;
        }
        await using (var away = cluster.Database.CreateCommand("""
            INSERT INTO leader_unavailable_dates (leader_id, unavailable_on) VALUES (@leader, '2027-01-12'), (@leader, '2027-03-02'), (@leader, '2027-09-01')
            """))
        {
            away.Parameters.AddWithValue("leader", leaderId);
            await away.ExecuteNonQueryAsync();
        }

        var diary = await cluster.GrainsOn(cluster.Silos[0]).GetGrain<ILeaderGrain>(leaderId)
            .DiaryAsync(new DateOnly(2026, 9, 1), new DateOnly(2027, 8, 31), []);

        Assert.Equal([new DateOnly(2027, 1, 12), new DateOnly(2027, 3, 2)], diary.Unavailable.Order());
        Assert.Empty(diary.AtVisits);
        Assert.False(diary.IsFree(new DateOnly(2027, 1, 12)));
        Assert.True(diary.IsFree(new DateOnly(2027, 1, 13)));
    }
}
