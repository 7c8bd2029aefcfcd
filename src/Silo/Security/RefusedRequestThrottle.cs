using System.Globalization;
using System.Threading.RateLimiting;
using InclusionNetwork.Silo.Extensions;

namespace InclusionNetwork.Silo.Security;

/// <summary>
/// Slows a caller (an account, or signed out an address) whose GraphQL requests keep being
/// refused: malformed, over a limit, invalid, or turned away by a per-caller limit. Each
/// refusal is cheap, but a client that sends them as fast as they come back keeps a core busy
/// parsing and answering them, and every other caller's query waits behind that work. So a
/// caller has an allowance of refusals that is forgiven at a steady rate; once it is spent,
/// each of the caller's requests is held for <see cref="RefusedRequestOptions.SlowDownSeconds"/>
/// before it is read at all, then served as usual. A person who makes a mistake never notices;
/// a client that keeps failing gets at most a few answers a second, whatever it sends. A caller
/// with <see cref="RefusedRequestOptions.MaxHeldAtOnce"/> requests already held is answered 429
/// at once, so holding costs a bounded number of idle connections and no CPU.
/// </summary>
public sealed class RefusedRequestThrottle : IDisposable
{
    private readonly RefusedRequestOptions _options;
    private readonly TimeProvider _time;
    private readonly PartitionedRateLimiter<HttpContext> _allowances;
    private readonly PartitionedRateLimiter<HttpContext> _held;

    /// <param name="time">Real time, as the rate limiters beside this keep: a test's domain clock must not stop it.</param>
    public RefusedRequestThrottle(RefusedRequestOptions options, TimeProvider time)
    {
        if (options.Allowed < 1 || options.ForgiveOneEverySeconds <= 0 || options.SlowDownSeconds <= 0 || options.MaxHeldAtOnce < 1)
        {
            throw new StartupConfigurationException(
                "GraphQL:RefusedRequests:Allowed and MaxHeldAtOnce must be at least 1, and ForgiveOneEverySeconds and SlowDownSeconds more than 0.");
        }
        _options = options;
        _time = time;
        _allowances = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetTokenBucketLimiter(
            IdentityExtensions.CallerKey(context),
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.Allowed,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromSeconds(options.ForgiveOneEverySeconds),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        _held = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetConcurrencyLimiter(
            IdentityExtensions.CallerKey(context),
            _ => new ConcurrencyLimiterOptions { PermitLimit = options.MaxHeldAtOnce, QueueLimit = 0 }));
    }

    /// <summary>
    /// Holds the request first when its caller has no refusals left; false (and the 429
    /// written) when the caller already has as many requests held as it may.
    /// </summary>
    public async ValueTask<bool> AdmitAsync(HttpContext context)
    {
        if (_allowances.GetStatistics(context)?.CurrentAvailablePermits > 0)
        {
            return true;
        }
        using var hold = _held.AttemptAcquire(context);
        var retryAfter = (int)Math.Ceiling(_options.SlowDownSeconds);
        if (!hold.IsAcquired)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await context.Response.WriteAsJsonAsync(
                new { message = $"Too many of your recent requests were refused, and several more are waiting. Fix them, then try again in {retryAfter} second{(retryAfter == 1 ? "" : "s")}." },
                context.RequestAborted);
            return false;
        }
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(_options.SlowDownSeconds), _time, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left while held: there is no one to answer.
            return false;
        }
        return true;
    }

    /// <summary>Counts one refused request against its caller's allowance.</summary>
    public void CountRefusal(HttpContext context) => _allowances.AttemptAcquire(context).Dispose();

    public void Dispose()
    {
        _allowances.Dispose();
        _held.Dispose();
    }
}

/// <summary>The <c>GraphQL:RefusedRequests</c> section.</summary>
public sealed class RefusedRequestOptions
{
    /// <summary>Refused requests a caller may send in a burst before its requests are slowed.</summary>
    public int Allowed { get; set; } = 30;

    /// <summary>One refusal is forgiven this often: a caller refused no more often than this is never slowed.</summary>
    public double ForgiveOneEverySeconds { get; set; } = 0.5;

    /// <summary>How long each request of a caller with no refusals left waits before it is read.</summary>
    public double SlowDownSeconds { get; set; } = 1;

    /// <summary>Requests of one caller that may be held at once; any more are answered 429 at once.</summary>
    public int MaxHeldAtOnce { get; set; } = 16;
}
