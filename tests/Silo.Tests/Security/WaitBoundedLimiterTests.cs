using System.Threading.RateLimiting;
using InclusionNetwork.Silo.Security;

namespace InclusionNetwork.Silo.Tests.Security;

/// <summary>
/// A request queued for one of its caller's turns is refused once it has waited the time
/// allowed, gets the turn when one frees sooner, and a caller that gives up is not answered.
/// </summary>
public sealed class WaitBoundedLimiterTests
{
    private static WaitBoundedLimiter OneAtATime(TimeSpan maxWait) => new(
        new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 10, QueueProcessingOrder = QueueProcessingOrder.OldestFirst }),
        maxWait, TimeProvider.System);

    [Fact]
    public async Task A_request_still_waiting_when_its_time_runs_out_is_refused_and_leaves_the_queue()
    {
        using var limiter = OneAtATime(TimeSpan.FromMilliseconds(200));
        using var running = limiter.AttemptAcquire();
        Assert.True(running.IsAcquired);

        using var waited = await limiter.AcquireAsync();

        Assert.False(waited.IsAcquired);
        // Refused, it no longer holds a place in the queue.
        Assert.Equal(0, limiter.GetStatistics()!.CurrentQueuedCount);
    }

    [Fact]
    public async Task A_request_whose_turn_comes_within_its_time_is_served()
    {
        using var limiter = OneAtATime(TimeSpan.FromSeconds(30));
        var running = limiter.AttemptAcquire();
        var waiting = limiter.AcquireAsync().AsTask();
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);

        running.Dispose();

        using var served = await waiting;
        Assert.True(served.IsAcquired);
    }

    [Fact]
    public async Task A_caller_that_gives_up_is_cancelled_not_refused()
    {
        using var limiter = OneAtATime(TimeSpan.FromSeconds(30));
        using var running = limiter.AttemptAcquire();
        using var gone = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await limiter.AcquireAsync(1, gone.Token));
    }
}
