using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InclusionNetwork.Runtime.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PersistentStateTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_json_storage_checks_versions_and_keeps_counting_across_a_clear()
    {
        await using var silo = await RuntimeHost.StartAsync(await postgres.CreateMigratedDatabaseAsync());
        var storage = silo.Services.GetRequiredService<IGrainStorage<CounterState>>();
        var grainId = new GrainId("Storage", "k");
        var none = CancellationToken.None;

        Assert.Equal(new StoredState<CounterState>(null, 0), await storage.ReadAsync(grainId, "counter", none));
        Assert.Equal(1, await storage.WriteAsync(grainId, "counter", new CounterState { Count = 5 }, 0, none));
        var staleCreate = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteAsync(grainId, "counter", new CounterState { Count = 6 }, 0, none));
        Assert.Equal(2, await storage.WriteAsync(grainId, "counter", new CounterState { Count = 7 }, 1, none));
        Assert.Equal(3, await storage.ClearAsync(grainId, "counter", 2, none));
        var staleWrite = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteAsync(grainId, "counter", new CounterState { Count = 8 }, 2, none));
        var cleared = await storage.ReadAsync(grainId, "counter", none);

        Assert.Equal((grainId, "counter", 0L, 1L), (staleCreate.GrainId, staleCreate.StateName, staleCreate.ExpectedVersion, staleCreate.ActualVersion));
        Assert.Equal((2L, 3L), (staleWrite.ExpectedVersion, staleWrite.ActualVersion));
        Assert.Null(cleared.State);
        Assert.Equal(3, cleared.Version);
    }

    [Fact]
    public async Task State_is_read_on_activation_and_survives_a_restart()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        var key = Guid.NewGuid();
        await using (var before = await RuntimeHost.StartAsync(database))
        {
            await before.Grains.GetGrain<IProfileGrain>(key).SetNameAsync("Ada");
        }

        await using var after = await RuntimeHost.StartAsync(database);
        var profile = after.Grains.GetGrain<IProfileGrain>(key);
        var loaded = await profile.GetAsync();
        await profile.ClearAsync();
        var cleared = await profile.GetAsync();

        Assert.Equal(new ProfileSnapshot("Ada", 1, RecordExists: true), loaded);
        Assert.Equal(new ProfileSnapshot("", 2, RecordExists: false), cleared);
    }

    [Fact]
    public async Task Two_silos_writing_one_grain_lose_no_update()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        var probe = new GrainProbe();
        await using var first = await RuntimeHost.StartAsync(database, probe: probe);
        await using var second = await RuntimeHost.StartAsync(database, probe: probe);
        const int IncrementsPerSilo = 150;

        var increments = Enumerable.Range(0, IncrementsPerSilo)
            .SelectMany(_ => new[] { first, second })
            .Select(silo => silo.Grains.GetGrain<ICounterGrain>("shared").IncrementAsync())
            .ToArray();
        await Eventually.Within(Task.WhenAll(increments));

        await using var connection = await NpgsqlDataSource.Create(database).OpenConnectionAsync();
        await using var read = new NpgsqlCommand(
            "SELECT (state->>'count')::int FROM grain_state WHERE grain_type = 'RetryingCounterGrain' AND grain_key = 'shared'", connection);
        Assert.Equal(2 * IncrementsPerSilo, (int)(await read.ExecuteScalarAsync())!);
        // Every increment returned a distinct count: none was applied twice or lost.
        Assert.Equal(Enumerable.Range(1, 2 * IncrementsPerSilo), increments.Select(i => i.Result).Order());
    }

    [Fact]
    public async Task A_conflict_reaches_the_caller_and_the_grains_next_call_sees_fresh_state()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        await using var first = await RuntimeHost.StartAsync(database);
        await using var second = await RuntimeHost.StartAsync(database);
        var inFirst = first.Grains.GetGrain<INaiveCounterGrain>("contended");
        var inSecond = second.Grains.GetGrain<INaiveCounterGrain>("contended");
        Assert.Equal(1, await inFirst.IncrementAsync());
        Assert.Equal(1, await inSecond.GetAsync());

        Assert.Equal(2, await inFirst.IncrementAsync());
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => inSecond.IncrementAsync());
        var afterReload = await inSecond.IncrementAsync();

        Assert.Equal((1L, 2L), (conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal(3, afterReload);
    }
}
