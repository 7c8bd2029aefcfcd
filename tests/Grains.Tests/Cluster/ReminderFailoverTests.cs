using System.Diagnostics;
using InclusionNetwork.Grains.Tests.Support;
using InclusionNetwork.TestSupport;
using Orleans;

namespace InclusionNetwork.Grains.Tests.Cluster;

/// <summary>Durable reminders on the ADO.NET reminder table, across two silos and the death of one.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReminderFailoverTests(PostgresFixture postgres)
{
    private const int Probes = 20;

    [Fact]
    public async Task Reminders_owned_by_a_killed_silo_are_delivered_by_the_survivor_once_each()
    {
        await using var cluster = await GrainCluster.StartAsync(await postgres.CreateMigratedDatabaseAsync(), TimeProvider.System);
        await using (var create = cluster.Database.CreateCommand("CREATE TABLE reminder_deliveries (probe bigint NOT NULL, silo text NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync();
        }
        var grains = cluster.GrainsOn(cluster.Silos[0]);
        await Task.WhenAll(Enumerable.Range(1, Probes).Select(key => grains.GetGrain<IReminderProbeGrain>(key).ArmAsync(TimeSpan.FromSeconds(8))));

        // Reminders are spread over the silos by grain hash: the one killed owns some of them.
        var doomed = cluster.Silos[1];
        await cluster.Cluster.KillSiloAsync(doomed);

        var deliveries = new List<(long Probe, string Silo)>();
        var waited = Stopwatch.StartNew();
        while (deliveries.Select(d => d.Probe).Distinct().Count() < Probes && waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(500);
            deliveries = await DeliveriesAsync(cluster);
        }

        Assert.Equal(Enumerable.Range(1, Probes).Select(i => (long)i), deliveries.Select(d => d.Probe).Order());
        Assert.All(deliveries, d => Assert.Equal(cluster.Silos[0].SiloAddress.ToString(), d.Silo));
        await using var left = cluster.Database.CreateCommand("SELECT count(*) FROM orleansreminderstable");
        Assert.Equal(0L, await left.ExecuteScalarAsync());
    }

    private static async Task<List<(long Probe, string Silo)>> DeliveriesAsync(GrainCluster cluster)
    {
        await using var command = cluster.Database.CreateCommand("SELECT probe, silo FROM reminder_deliveries");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(long, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1)));
        }
        return rows;
    }
}
