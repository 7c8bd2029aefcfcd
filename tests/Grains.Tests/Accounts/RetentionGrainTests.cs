using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Tests.Support;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace InclusionNetwork.Grains.Tests.Accounts;

/// <summary>The retention job as one grain: a durable reminder ticks it, and its bookkeeping is Orleans persistent state.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RetentionGrainTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_tick_erases_whoever_is_due_and_the_bookkeeping_is_written_to_and_read_back_from_the_grain_storage()
    {
        await using var cluster = await GrainCluster.StartAsync(await postgres.CreateMigratedDatabaseAsync(), new ManualClock(Now), silos: 1);
        await cluster.WriteBehindTheGrainsAsync("""
            INSERT INTO schools (urn, name, phase, school_type, district_id, open, gias_type, gias_phase, gias_status, imported_at, updated_at)
            VALUES ('100001', 'Oak Primary', 'PRIMARY', 'MAINTAINED', 'dover', true, 'Community school', 'Primary', 'Open', @now, @now);
            INSERT INTO staff (school_urn, name, email, role, created_at, removed_at) VALUES
                ('100001', 'Long Gone', 'long@oak.example', 'TEACHER', @now - interval '10 years', @now - interval '7 years'),
                ('100001', 'Recently Gone', 'recent@oak.example', 'TEACHER', @now - interval '10 years', @now - interval '5 years'),
                ('100001', 'Still Here', 'here@oak.example', 'TEACHER', @now - interval '10 years', NULL);
            """, ("now", Now));
        var grain = cluster.GrainsOn(cluster.Silos[0]).GetGrain<IRetentionGrain>(RetentionGrain.ClusterKey);

        // Every silo schedules on start; the durable reminder is registered once, at the
        // configured period, and scheduling again does not push its next tick back.
        await grain.ScheduleAsync();
        const string Reminder = "SELECT StartTime, Period FROM OrleansRemindersTable WHERE ReminderName = 'retention'";
        var (firstTick, period) = await ReminderAsync(cluster, Reminder);
        Assert.Equal((long)TimeSpan.FromHours(1).TotalMilliseconds, period);
        await grain.ScheduleAsync();
        Assert.Equal((firstTick, period), await ReminderAsync(cluster, Reminder));

        // A tick, delivered as the reminder service delivers it, runs the job.
        await grain.AsReference<IRemindable>().ReceiveReminder("retention", default);

        Assert.Equal(["Erased person", "Recently Gone", "Still Here"],
            await NamesAsync(cluster));
        var stored = new GrainState<RetentionState>();
        await cluster.Cluster.GetSiloServiceProvider(cluster.Silos[0].SiloAddress).GetRequiredKeyedService<IGrainStorage>("Default")
            .ReadStateAsync("retention", grain.GetGrainId(), stored);
        var expected = new RetentionState
        {
            LastRunAt = Now,
            LastRunErased = 1,
            ErasedRemovedBefore = Now - TimeSpan.FromDays(6 * 365 + 2),
            ErasedInAll = 1,
            ReminderPeriod = TimeSpan.FromHours(1),
        };
        Assert.True(stored.RecordExists);
        Assert.Equal(expected, stored.State);
        Assert.Equal(1L, await cluster.ScalarAsync<long>("SELECT count(*) FROM OrleansStorage WHERE PayloadBinary IS NOT NULL"));

        // A second run finds no one new; the totals carry on from the stored state.
        var again = await grain.RunAsync();
        Assert.Equal((0, 1L), (again.LastRunErased, again.ErasedInAll));
        Assert.Equal(again, await grain.StatusAsync());

        // The activation goes; the next one reads the bookkeeping back from the grain storage.
        Assert.True(await cluster.IsActiveAsync(grain));
        await cluster.DeactivateIdleGrainsAsync();
        Assert.False(await cluster.IsActiveAsync(grain));
        Assert.Equal(again, await grain.StatusAsync());
    }

    private static async Task<(DateTime StartTime, long Period)> ReminderAsync(GrainCluster cluster, string sql)
    {
        await using var command = cluster.Database.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var reminder = (reader.GetDateTime(0), reader.GetInt64(1));
        Assert.False(await reader.ReadAsync());
        return reminder;
    }

    private static async Task<List<string>> NamesAsync(GrainCluster cluster)
    {
        await using var command = cluster.Database.CreateCommand("SELECT name FROM staff ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }
}
