using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Runtime.Tests;

[Collection(PostgresCollection.Name)]
public sealed class CallSchedulingTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Calls_on_one_key_never_overlap_and_run_in_arrival_order()
    {
        await using var silo = await RuntimeHost.StartAsync(await postgres.CreateMigratedDatabaseAsync());
        var grain = silo.Grains.GetGrain<ISequenceGrain>("one-key");

        // Issued from one thread without awaiting, so arrival order is 0..999.
        var calls = Enumerable.Range(0, 1000).Select(grain.RecordAsync).ToArray();
        await Eventually.Within(Task.WhenAll(calls));

        var observation = await grain.GetObservationAsync();
        Assert.Equal(1, observation.MaxConcurrentCalls);
        Assert.Equal(Enumerable.Range(0, 1000), observation.Order);
    }

    [Fact]
    public async Task Calls_on_different_keys_run_in_parallel()
    {
        await using var silo = await RuntimeHost.StartAsync(await postgres.CreateMigratedDatabaseAsync());

        // Each call returns only when both are inside the method at once.
        var first = silo.Grains.GetGrain<IRendezvousGrain>("first").MeetAsync(parties: 2);
        var second = silo.Grains.GetGrain<IRendezvousGrain>("second").MeetAsync(parties: 2);

        await Eventually.Within(Task.WhenAll(first, second));
    }

    [Fact]
    public async Task An_always_interleave_method_runs_while_another_call_is_waiting()
    {
        await using var silo = await RuntimeHost.StartAsync(await postgres.CreateMigratedDatabaseAsync());
        var grain = silo.Grains.GetGrain<IInterleavingGrain>(42);

        var waiting = grain.WaitForOpeningAsync();
        await Eventually.Within(grain.OpenAsync().AsTask());

        await Eventually.Within(waiting);
    }

    [Fact]
    public async Task A_reentrant_grain_runs_a_second_call_while_the_first_is_awaiting()
    {
        await using var silo = await RuntimeHost.StartAsync(await postgres.CreateMigratedDatabaseAsync());
        var grain = silo.Grains.GetGrain<IReentrantGrain>("reentrant");

        var waiting = grain.WaitForOpeningAsync();
        // The first call is inside the grain before the second is sent, so the second can only
        // complete it by running alongside it.
        await silo.Probe.WaitForAsync(e => e is { Key: "reentrant", Kind: "waiting" });
        // Without [Reentrant] taking effect the second call would queue behind the first, which
        // waits for the second: a deadlock, reported here as a TimeoutException at the deadline.
        await Eventually.Within(grain.OpenAsync());

        await Eventually.Within(waiting);
    }

    [Fact]
    public async Task An_exception_fails_only_its_own_call_and_the_activation_keeps_serving()
    {
        await using var silo = await RuntimeHost.StartAsync(await postgres.CreateMigratedDatabaseAsync());
        var grain = silo.Grains.GetGrain<ILifecycleGrain>("faulty");
        var activation = await grain.GetActivationIdAsync();

        var asyncFailure = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.FailAsync("rule broken"));
        var syncFailure = await Assert.ThrowsAsync<ArgumentException>(() => grain.FailSynchronously("bad argument"));

        Assert.Equal("rule broken", asyncFailure.Message);
        Assert.Equal("bad argument", syncFailure.Message);
        Assert.Equal(activation, await grain.GetActivationIdAsync());
        Assert.Empty(silo.Probe.EventsOf("faulty", "deactivated"));
    }

    [Fact]
    public async Task References_to_one_grain_are_equal_and_name_it()
    {
        await using var silo = await RuntimeHost.StartAsync(await postgres.CreateMigratedDatabaseAsync());
        var key = Guid.NewGuid();

        var one = silo.Grains.GetGrain<IProfileGrain>(key);
        var other = silo.Grains.GetGrain<IProfileGrain>(key);

        Assert.Equal(one, other);
        Assert.Equal(new GrainId("ProfileGrain", key.ToString("D")), one.GetGrainId());
        Assert.Equal(new GrainId("InterleavingGrain", "7"), silo.Grains.GetGrain<IInterleavingGrain>(7).GetGrainId());
    }
}
