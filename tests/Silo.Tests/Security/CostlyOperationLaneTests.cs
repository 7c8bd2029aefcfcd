using InclusionNetwork.Silo.Security;

namespace InclusionNetwork.Silo.Tests.Security;

public sealed class CostlyOperationLaneTests
{
    private static CostlyOperationLane Lane(int atOnce = 1, int maxWaiting = 10, double maxWaitSeconds = 30) => new(new CostlyOperationOptions
    {
        FromCost = 1_000,
        AtOnce = atOnce,
        MaxWaiting = maxWaiting,
        MaxWaitSeconds = maxWaitSeconds,
    });

    [Fact]
    public async Task Cheap_operations_are_admitted_at_once_while_costly_ones_hold_every_slot()
    {
        var lane = Lane(atOnce: 1);
        using var costly = await lane.AdmitAsync(50_000, CancellationToken.None);
        Assert.NotNull(costly);

        for (var i = 0; i < 100; i++)
        {
            var cheap = lane.AdmitAsync(999, CancellationToken.None);
            Assert.True(cheap.IsCompletedSuccessfully);
            Assert.NotNull(await cheap);
        }
    }

    [Fact]
    public async Task A_costly_operation_waits_for_a_slot_and_gets_it_when_one_is_given_back()
    {
        var lane = Lane(atOnce: 1);
        var first = await lane.AdmitAsync(1_000, CancellationToken.None);
        Assert.NotNull(first);

        var second = lane.AdmitAsync(1_000, CancellationToken.None).AsTask();
        await WaitUntilAsync(() => lane.Waiting == 1);
        Assert.False(second.IsCompleted);

        first.Dispose();
        first.Dispose(); // given back once only: a second dispose must not open a second slot
        using var admitted = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(admitted);
        Assert.Equal(0, lane.Waiting);

        var third = lane.AdmitAsync(1_000, CancellationToken.None).AsTask();
        await WaitUntilAsync(() => lane.Waiting == 1);
        Assert.False(third.IsCompleted);
    }

    [Fact]
    public async Task Costly_operations_past_the_waiting_limit_are_refused_at_once()
    {
        var lane = Lane(atOnce: 1, maxWaiting: 1);
        using var running = await lane.AdmitAsync(1_000, CancellationToken.None);
        var waiting = lane.AdmitAsync(1_000, CancellationToken.None).AsTask();
        await WaitUntilAsync(() => lane.Waiting == 1);

        var refused = lane.AdmitAsync(1_000, CancellationToken.None);

        Assert.True(refused.IsCompletedSuccessfully);
        Assert.Null(await refused);
        Assert.Equal(1, lane.Waiting);
        Assert.False(waiting.IsCompleted);
    }

    [Fact]
    public async Task A_costly_operation_that_waits_too_long_is_refused()
    {
        var lane = Lane(atOnce: 1, maxWaitSeconds: 0.05);
        using var running = await lane.AdmitAsync(1_000, CancellationToken.None);

        Assert.Null(await lane.AdmitAsync(1_000, CancellationToken.None));
        Assert.Equal(0, lane.Waiting);
    }

    [Fact]
    public async Task A_request_abandoned_while_waiting_stops_waiting_and_takes_no_slot()
    {
        var lane = Lane(atOnce: 1);
        var running = await lane.AdmitAsync(1_000, CancellationToken.None);
        using var abandoned = new CancellationTokenSource();
        var waiting = lane.AdmitAsync(1_000, abandoned.Token).AsTask();
        await WaitUntilAsync(() => lane.Waiting == 1);

        await abandoned.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, lane.Waiting);
        running!.Dispose();
        using var next = await lane.AdmitAsync(1_000, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(next);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The lane did not reach the expected state in 10 seconds.");
            await Task.Delay(5);
        }
    }
}
