using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Runtime.Tests;

[Collection(PostgresCollection.Name)]
public sealed class ActivationLifecycleTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_failed_activation_fails_every_waiting_call_and_the_next_call_activates_afresh()
    {
        await using var silo = await RuntimeHost.StartAsync(await postgres.CreateMigratedDatabaseAsync());
        var grain = silo.Grains.GetGrain<IFailingActivationGrain>("flaky");

        // The first activation holds at the gate until the test has queued every call behind it.
        var waiting = new[] { grain.GetActivationIdAsync(), grain.GetActivationIdAsync() };
        await silo.Probe.WaitForAsync(e => e is { Key: "flaky", Kind: "activating" });
        waiting = [.. waiting, grain.GetActivationIdAsync()];
        silo.Probe.OpenGate();

        // Were only the first waiting call failed, the others would run on a grain that never
        // activated, or wait forever and hit the deadline; either way this fails.
        foreach (var call in waiting)
        {
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => Eventually.Within(call));
            Assert.Equal(FailingActivationGrain.FailureMessage, failure.Message);
        }
        // Were the failed activation kept, or the key left blocked, this call would fail or
        // time out instead of being served by a second, successful activation.
        var served = await Eventually.Within(grain.GetActivationIdAsync());

        var attempts = silo.Probe.EventsOf("flaky", "activating");
        Assert.Equal(2, attempts.Count);
        Assert.Equal(served.ToString(), attempts[1].Detail);
        Assert.Equal(served, await grain.GetActivationIdAsync());
    }

    [Fact]
    public async Task Idle_activations_are_released_and_a_later_call_activates_afresh()
    {
        await using var silo = await RuntimeHost.StartAsync(await postgres.CreateMigratedDatabaseAsync(), options =>
        {
            options.IdleTimeout = TimeSpan.FromMilliseconds(200);
            options.CollectionInterval = TimeSpan.FromMilliseconds(50);
        });
        var grain = silo.Grains.GetGrain<ILifecycleGrain>("idle");
        var first = await grain.GetActivationIdAsync();

        var deactivation = await silo.Probe.WaitForAsync(e => e is { Key: "idle", Kind: "deactivated" });
        await Eventually.HoldsAsync(() => silo.Runtime.ActivationCount == 0, "no activation is left");

        Assert.Equal(nameof(DeactivationReason.IdleTimeout), deactivation.Detail);
        Assert.NotEqual(first, await grain.GetActivationIdAsync());
    }

    [Fact]
    public async Task Past_the_cap_the_least_recently_used_activation_is_evicted_first()
    {
        await using var silo = await RuntimeHost.StartAsync(await postgres.CreateMigratedDatabaseAsync(), options =>
        {
            options.MaxActivations = 3;
            options.IdleTimeout = TimeSpan.FromHours(1);
        });
        async Task TouchAsync(string key) => await silo.Grains.GetGrain<ILifecycleGrain>(key).GetActivationIdAsync();
        await TouchAsync("a");
        await TouchAsync("b");
        await TouchAsync("c");
        await TouchAsync("a");

        await TouchAsync("d");
        var firstEvicted = await silo.Probe.WaitForAsync(e => e.Kind == "deactivated");
        await Eventually.HoldsAsync(() => silo.Runtime.ActivationCount == 3, "the count is back at the cap");
        await TouchAsync("e");
        var secondEvicted = await silo.Probe.WaitForAsync(e => e.Kind == "deactivated", count: 2);
        await Eventually.HoldsAsync(() => silo.Runtime.ActivationCount == 3, "the count is back at the cap");

        Assert.Equal(new ProbeEvent("b", "deactivated", nameof(DeactivationReason.CapacityExceeded)), firstEvicted);
        Assert.Equal(new ProbeEvent("c", "deactivated", nameof(DeactivationReason.CapacityExceeded)), secondEvicted);
        Assert.Equal(2, silo.Probe.Events.Count(e => e.Kind == "deactivated"));
    }

    [Fact]
    public async Task Calls_queued_behind_a_deactivate_on_idle_call_run_in_order_on_a_fresh_activation()
    {
        await using var silo = await RuntimeHost.StartAsync(await postgres.CreateMigratedDatabaseAsync());
        var grain = silo.Grains.GetGrain<ILifecycleGrain>("handoff");

        var first = grain.WaitForGateThenDeactivateAsync();
        var second = grain.GetActivationIdAsync().AsTask();
        var third = grain.GetActivationIdAsync().AsTask();
        silo.Probe.OpenGate();
        var served = await Eventually.Within(Task.WhenAll(first, second, third));

        Assert.NotEqual(served[0], served[1]);
        Assert.Equal(served[1], served[2]);
        Assert.Equal(
            [
                new ProbeEvent("handoff", "activated", served[0].ToString()),
                new ProbeEvent("handoff", "deactivated", nameof(DeactivationReason.RequestedByGrain)),
                new ProbeEvent("handoff", "activated", served[1].ToString()),
            ],
            silo.Probe.Events.Where(e => e.Key == "handoff"));
    }

    [Fact]
    public async Task A_call_arriving_during_deactivation_waits_for_it_and_goes_to_a_fresh_activation()
    {
        await using var silo = await RuntimeHost.StartAsync(await postgres.CreateMigratedDatabaseAsync());
        var grain = silo.Grains.GetGrain<ISlowToDeactivateGrain>("slow");
        var leaving = await grain.LeaveAsync();
        await silo.Probe.WaitForAsync(e => e.Kind == "deactivating");

        var arriving = grain.GetActivationIdAsync().AsTask();
        // While the old activation is still deactivating the call must wait. (This cannot
        // flake: a correct runtime never completes the call before the gate opens.)
        Assert.NotSame(arriving, await Task.WhenAny(arriving, Task.Delay(TimeSpan.FromMilliseconds(300))));
        silo.Probe.OpenGate();
        var fresh = await Eventually.Within(arriving);

        Assert.NotEqual(leaving, fresh);
        // The fresh activation starts only once the old one has finished deactivating.
        Assert.Equal(
            [
                new ProbeEvent("slow", "activated", leaving.ToString()),
                new ProbeEvent("slow", "deactivating", leaving.ToString()),
                new ProbeEvent("slow", "deactivated", leaving.ToString()),
                new ProbeEvent("slow", "activated", fresh.ToString()),
            ],
            silo.Probe.Events);
    }

    [Fact]
    public async Task Stopping_the_host_deactivates_every_grain()
    {
        var silo = await RuntimeHost.StartAsync(await postgres.CreateMigratedDatabaseAsync());
        var probe = silo.Probe;
        await silo.Grains.GetGrain<ILifecycleGrain>("x").GetActivationIdAsync();
        await silo.Grains.GetGrain<ILifecycleGrain>("y").GetActivationIdAsync();

        await silo.DisposeAsync();

        Assert.Equal(
            ["x", "y"],
            probe.Events.Where(e => e is { Kind: "deactivated", Detail: nameof(DeactivationReason.RuntimeShutdown) }).Select(e => e.Key).Order());
    }
}
