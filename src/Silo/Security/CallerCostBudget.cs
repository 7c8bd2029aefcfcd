using System.Threading.RateLimiting;
using InclusionNetwork.GraphQL.Engine.Execution;

namespace InclusionNetwork.Silo.Security;

/// <summary>
/// Each caller (an account, or signed out an address) has a budget of estimated cost (the
/// figure <c>GraphQL:Limits:MaxCost</c> caps) that refills at a steady rate; every operation,
/// over <c>/graphql</c> or behind a page, is charged its cost before it runs, and one the
/// budget cannot pay waits until it can. The costly lane lets only a few costly operations run
/// at once, but one caller sending them back to back still keeps those few busy all the time,
/// and with them the cores and the database: everyone's ordinary queries were then several
/// times slower. A person browsing never comes near the budget (the costliest page costs
/// about 7,000); a script asking for a hundred courses' runs and bookings (about 21,000) gets
/// a few answers a second. An operation that would wait longer than
/// <see cref="CallerCostBudgetOptions.MaxWaitSeconds"/> is refused at once with
/// <see cref="ErrorCodes.ServerBusy"/> (503, Retry-After), and then goes to the costly lane.
/// </summary>
public sealed class CallerCostBudget : IExecutionAdmission, IDisposable
{
    private readonly CallerCostBudgetOptions _options;
    private readonly IExecutionAdmission _next;
    /// <summary>The caller the operations now running for this request are charged to; null for the silo's own work.</summary>
    private static readonly AsyncLocal<string?> Caller = new();
    private readonly PartitionedRateLimiter<string> _budgets;

    /// <param name="next">What admits the operation once its caller has paid (the costly lane).</param>
    public CallerCostBudget(CallerCostBudgetOptions options, IExecutionAdmission next)
    {
        if (options.BurstCost < 1 || options.CostPerSecond < 1 || options.MaxWaitSeconds < 0)
        {
            throw new StartupConfigurationException("GraphQL:CallerCostBudget:BurstCost and CostPerSecond must be at least 1, and MaxWaitSeconds at least 0.");
        }
        _options = options;
        _next = next;
        var burst = (int)Math.Min(int.MaxValue, options.BurstCost);
        var perSecond = (int)Math.Min(int.MaxValue, options.CostPerSecond);
        // What the budget can pay within the longest wait: an operation that would have to wait
        // for more is refused at once instead of queueing for nothing.
        var queue = (int)Math.Min(int.MaxValue, (long)perSecond * (long)Math.Ceiling(options.MaxWaitSeconds));
        _budgets = PartitionedRateLimiter.Create<string, string>(caller => RateLimitPartition.Get(caller, _ => new WaitBoundedLimiter(
            new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = queue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }),
            TimeSpan.FromSeconds(options.MaxWaitSeconds),
            TimeProvider.System)));
    }

    /// <summary>
    /// Charges the operations run from here on in this flow of work (a request, down to its
    /// resolvers) to <paramref name="caller"/>, until disposed. Work with no caller (the silo's
    /// own) is never charged.
    /// </summary>
    public static IDisposable ChargeTo(string caller)
    {
        var before = Caller.Value;
        Caller.Value = caller;
        return new Restore(before);
    }

    public async ValueTask<IDisposable?> AdmitAsync(long estimatedCost, CancellationToken cancellationToken)
    {
        if (Caller.Value is { } caller && estimatedCost > 0 && !await PayAsync(caller, estimatedCost, cancellationToken))
        {
            return null;
        }
        return await _next.AdmitAsync(estimatedCost, cancellationToken);
    }

    private async ValueTask<bool> PayAsync(string caller, long cost, CancellationToken cancellationToken)
    {
        // An operation costlier than the whole budget pays the whole budget.
        using var paid = await _budgets.AcquireAsync(caller, (int)Math.Min(cost, _options.BurstCost), cancellationToken);
        return paid.IsAcquired;
    }

    public void Dispose() => _budgets.Dispose();

    private sealed class Restore(string? before) : IDisposable
    {
        public void Dispose() => Caller.Value = before;
    }
}

/// <summary>The <c>GraphQL:CallerCostBudget</c> section.</summary>
public sealed class CallerCostBudgetOptions
{
    /// <summary>The most estimated cost a caller may spend at once.</summary>
    public long BurstCost { get; set; } = 200_000;

    /// <summary>Estimated cost a caller's budget regains each second.</summary>
    public long CostPerSecond { get; set; } = 50_000;

    /// <summary>How long an operation may wait for its caller's budget before it is refused.</summary>
    public double MaxWaitSeconds { get; set; } = 30;
}
