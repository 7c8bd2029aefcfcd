using System.Threading.RateLimiting;

namespace InclusionNetwork.Silo.Security;

/// <summary>
/// A limiter whose queue a request leaves, refused, after a bounded wait. ASP.NET Core's
/// limiters keep a queued request until a permit frees or the client goes: a caller who sent a
/// hundred heavy queries at once had the last ones waiting minutes for a turn, holding their
/// connections, until the client gave up with no answer. Refused after
/// <c>maxWait</c>, the request is told when to try again (429 with <c>Retry-After</c>) instead.
/// A caller's cost budget waits for its tokens the same way (<see cref="CallerCostBudget"/>).
/// </summary>
public sealed class WaitBoundedLimiter(RateLimiter inner, TimeSpan maxWait, TimeProvider time) : RateLimiter
{
    public override TimeSpan? IdleDuration => inner.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => inner.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => inner.AttemptAcquire(permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        // Most requests find a permit free: they need no timer.
        var free = inner.AttemptAcquire(permitCount);
        if (free.IsAcquired)
        {
            return free;
        }
        free.Dispose();
        using var bound = new CancellationTokenSource(maxWait, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bound.Token);
        try
        {
            return await inner.AcquireAsync(permitCount, either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The wait ran out, not the caller's patience: answer, don't throw.
            return WaitedTooLong.Lease;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    protected override ValueTask DisposeAsyncCore() => inner.DisposeAsync();

    /// <summary>The lease of a request that waited its whole allowance without a permit.</summary>
    private sealed class WaitedTooLong : RateLimitLease
    {
        public static readonly WaitedTooLong Lease = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
