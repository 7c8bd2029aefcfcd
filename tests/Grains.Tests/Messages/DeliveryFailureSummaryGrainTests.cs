using InclusionNetwork.Grains.Messages;
using InclusionNetwork.Grains.Tests.Support;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace InclusionNetwork.Grains.Tests.Messages;

/// <summary>
/// The daily summary of failed messages keeps its bookkeeping (the day it last went, what it
/// reported, the reminder's time) in Orleans persistent state, which outlives the activation.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DeliveryFailureSummaryGrainTests(PostgresFixture postgres)
{
    /// <summary>A Monday morning; London is on GMT in November.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_day_the_summary_went_survives_deactivation_and_a_new_activation_answers_the_same_day_from_it()
    {
        var clock = new ManualClock(Now);
        await using var cluster = await GrainCluster.StartAsync(await postgres.CreateMigratedDatabaseAsync(), clock, silos: 1);
        await cluster.WriteBehindTheGrainsAsync("""
            WITH admin AS (INSERT INTO accounts (email, name, password_hash, created_at) VALUES ('admin@example.test', 'Admin', '-', @now) RETURNING id)
            INSERT INTO account_roles (account_id, role) SELECT id, 'ADMIN' FROM admin;
            """, ("now", Now));
        var grains = cluster.GrainsOn(cluster.Silos[0]);
        var grain = grains.GetGrain<IDeliveryFailureSummaryGrain>(DeliveryFailureSummaryGrain.ClusterKey);
        await grain.ScheduleAsync();
        await FailAsync(cluster, "first@bounce.example", "second@bounce.example");

        Assert.Equal(2, await grain.SummariseAsync());
        var expected = new DeliveryFailureSummaryState
        {
            SentOn = new DateOnly(2026, 11, 23),
            LastReported = 2,
            ReportedInAll = 2,
            ReminderAt = new TimeOnly(7, 0),
        };
        Assert.Equal(expected, await grain.StatusAsync());
        var stored = new GrainState<DeliveryFailureSummaryState>();
        await cluster.Cluster.GetSiloServiceProvider(cluster.Silos[0].SiloAddress).GetRequiredKeyedService<IGrainStorage>("Default")
            .ReadStateAsync("delivery-failure-summary", grain.GetGrainId(), stored);
        Assert.True(stored.RecordExists);
        Assert.Equal(expected, stored.State);

        // The activation goes; the next one reads the bookkeeping back from the grain storage.
        Assert.True(await cluster.IsActiveAsync(grain));
        await cluster.DeactivateIdleGrainsAsync();
        Assert.False(await cluster.IsActiveAsync(grain));
        Assert.Equal(expected, await grain.StatusAsync());

        // Another failure the same day, with the day's summary gone from the outbox behind the
        // grain: only the restored marker says today's summary went, and the tick writes nothing.
        await FailAsync(cluster, "third@bounce.example");
        await cluster.WriteBehindTheGrainsAsync("DELETE FROM notifications WHERE kind = 'DELIVERY_FAILURES'");
        Assert.Equal(0, await grain.SummariseAsync());
        Assert.Equal(0L, await cluster.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE kind = 'DELIVERY_FAILURES'"));

        // Tomorrow's summary lists only the new failure, and the totals carry on.
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await grain.SummariseAsync());
        Assert.Equal(expected with { SentOn = new DateOnly(2026, 11, 24), LastReported = 1, ReportedInAll = 3 }, await grain.StatusAsync());
        Assert.Equal("1 message could not be delivered", await cluster.ScalarAsync<string>("SELECT subject FROM notifications WHERE kind = 'DELIVERY_FAILURES'"));

        // Scheduling again on a silo's start finds the reminder at its time and leaves it be.
        var reminder = await cluster.ScalarAsync<DateTime>("SELECT StartTime FROM OrleansRemindersTable WHERE ReminderName = 'delivery-failure-summary'");
        await grain.ScheduleAsync();
        Assert.Equal(reminder, await cluster.ScalarAsync<DateTime>("SELECT StartTime FROM OrleansRemindersTable WHERE ReminderName = 'delivery-failure-summary'"));
    }

    /// <summary>Writes a message to each address, marked as failed for good, as the dispatcher leaves a refused one.</summary>
    private static async Task FailAsync(GrainCluster cluster, params string[] addresses)
    {
        var outbox = cluster.Service<Outbox>();
        var composer = cluster.Service<EmailComposer>();
        await using (var connection = await cluster.Database.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            foreach (var address in addresses)
            {
                await outbox.EnqueueAsync(connection, transaction, "TEST_NOTICE", address, composer.Compose("Someone", "A notice", ["Words."]));
            }
            await transaction.CommitAsync();
        }
        await cluster.WriteBehindTheGrainsAsync("""
            UPDATE notifications SET status = 'FAILED', attempts = 1, last_error = '550 mailbox unavailable'
            WHERE kind = 'TEST_NOTICE' AND status = 'PENDING'
            """);
    }
}
