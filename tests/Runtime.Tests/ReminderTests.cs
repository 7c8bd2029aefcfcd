using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InclusionNetwork.Runtime.Tests;

[Collection(PostgresCollection.Name)]
public sealed class ReminderTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Start = new(2025, 9, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_reminder_registered_before_a_restart_fires_after_it()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        // The first silo's clock never reaches the due time, so only the second can deliver.
        await using (var before = await RuntimeHost.StartAsync(database, clock: new ManualClock(Start)))
        {
            await before.Grains.GetGrain<IReminderGrain>("sleeper").ScheduleAsync("wake", TimeSpan.FromMinutes(1), period: null);
        }

        await using var after = await RuntimeHost.StartAsync(database, clock: new ManualClock(Start.AddMinutes(2)));
        var delivered = await after.Probe.WaitForAsync(e => e.Kind == "reminder");
        await Eventually.HoldsAsync(async () => await CountRemindersAsync(database) == 0, "the one-shot reminder is deleted");

        Assert.Equal(new ProbeEvent("sleeper", "reminder", $"wake@{Start.AddMinutes(1):O}"), delivered);
    }

    [Fact]
    public async Task Two_silos_polling_one_database_deliver_each_due_reminder_once()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        var probe = new GrainProbe();
        const int ReminderCount = 100;
        void SmallBatches(GrainRuntimeOptions options) => options.ReminderBatchSize = 7;
        await using var first = await RuntimeHost.StartAsync(database, SmallBatches, probe: probe);
        await using var second = await RuntimeHost.StartAsync(database, SmallBatches, probe: probe);

        var reminders = first.Services.GetRequiredService<IReminderRegistry>();
        for (var i = 0; i < ReminderCount; i++)
        {
            var grainId = first.Grains.GetGrain<IReminderGrain>($"g{i}").GetGrainId();
            await reminders.RegisterOrUpdateReminderAsync(grainId, "once", TimeSpan.Zero, period: null);
        }
        await Eventually.HoldsAsync(async () => await CountRemindersAsync(database) == 0, "every one-shot reminder is delivered and deleted");

        var deliveries = probe.Events.Where(e => e.Kind == "reminder").Select(e => e.Key).ToList();
        Assert.Equal(ReminderCount, deliveries.Count);
        Assert.Equal(ReminderCount, deliveries.Distinct().Count());
    }

    [Fact]
    public async Task A_periodic_reminder_advances_by_its_period_until_unregistered()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        var clock = new ManualClock(Start);
        await using var silo = await RuntimeHost.StartAsync(database, clock: clock);
        var grain = silo.Grains.GetGrain<IReminderGrain>("ticker");
        var reminders = silo.Services.GetRequiredService<IReminderRegistry>();

        await grain.ScheduleAsync("tick", TimeSpan.Zero, TimeSpan.FromMinutes(10));
        var firstTick = await silo.Probe.WaitForAsync(e => e.Kind == "reminder");
        await Eventually.HoldsAsync(async () => (await reminders.GetReminderAsync(grain.GetGrainId(), "tick"))?.DueAt == Start.AddMinutes(10), "the reminder moves on by its period");
        // Twenty-five minutes on, the missed 10-minute tick is delivered once and the next one is at 30.
        clock.Advance(TimeSpan.FromMinutes(25));
        var secondTick = await silo.Probe.WaitForAsync(e => e.Kind == "reminder", count: 2);
        await Eventually.HoldsAsync(async () => (await reminders.GetReminderAsync(grain.GetGrainId(), "tick"))?.DueAt == Start.AddMinutes(30), "the reminder skips to its next period");
        var removed = await grain.CancelAsync("tick");

        Assert.Equal($"tick@{Start:O}", firstTick.Detail);
        Assert.Equal($"tick@{Start.AddMinutes(10):O}", secondTick.Detail);
        Assert.True(removed);
        Assert.Null(await reminders.GetReminderAsync(grain.GetGrainId(), "tick"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => reminders.RegisterOrUpdateReminderAsync(grain.GetGrainId(), "never", TimeSpan.Zero, period: TimeSpan.Zero));
    }

    [Fact]
    public async Task A_reminder_whose_delivery_fails_is_delivered_again_once_its_lease_lapses()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        // The lease runs on the manual clock, so it lapses exactly when the test moves time on,
        // never because a slow machine took long over the first delivery.
        var lease = TimeSpan.FromSeconds(30);
        var clock = new ManualClock(Start);
        await using var silo = await RuntimeHost.StartAsync(database, options => options.ReminderLeaseDuration = lease, clock);
        var grain = silo.Grains.GetGrain<IFailingOnceReminderGrain>("retry");

        await grain.ScheduleAsync("once", TimeSpan.Zero);
        var failed = await silo.Probe.WaitForAsync(e => e is { Key: "retry", Kind: "reminder-failed" });
        // Had the failed delivery deleted the reminder, or given up its lease, this row would
        // be gone or unleased (and the reminder redelivered before its lease lapsed).
        Assert.Equal(Start + lease, await LeasedUntilAsync(database, grain.GetGrainId(), "once"));
        clock.Advance(lease + TimeSpan.FromSeconds(1));
        // Were a lapsed lease never claimed again, the reminder would stay undelivered and this
        // wait would fail at its deadline.
        var delivered = await silo.Probe.WaitForAsync(e => e is { Key: "retry", Kind: "reminder" });
        await Eventually.HoldsAsync(async () => await CountRemindersAsync(database) == 0, "the delivered one-shot reminder is deleted");

        Assert.Equal($"once@{Start:O} at {Start:O}", failed.Detail);
        // Delivered again for the same due time, and only once the clock was past the lease.
        Assert.Equal($"once@{Start:O} at {Start + lease + TimeSpan.FromSeconds(1):O}", delivered.Detail);
        Assert.Single(silo.Probe.EventsOf("retry", "reminder"));
    }

    private static async Task<DateTimeOffset?> LeasedUntilAsync(string database, GrainId grainId, string name)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        await using var command = dataSource.CreateCommand(
            "SELECT leased_until FROM grain_reminders WHERE grain_type = $1 AND grain_key = $2 AND reminder_name = $3");
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Key });
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"reminder '{name}' of {grainId} still exists");
        return reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0);
    }

    private static async Task<long> CountRemindersAsync(string database)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM grain_reminders");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
