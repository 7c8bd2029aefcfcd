using InclusionNetwork.GraphQL.Engine.Execution;

namespace InclusionNetwork.Silo.Security;

/// <summary>
/// Lets only a few costly GraphQL operations run at once on this silo, so the cores and
/// connections they take can never all be taken: an ordinary query (a page of the directory,
/// a school's bookings) never waits behind them, whoever sends them and however many callers
/// share the burst. A costly operation waits its turn for a while, then is refused with
/// <see cref="ErrorCodes.ServerBusy"/> (503, Retry-After), as is one that finds too many
/// already waiting. "Costly" is the limits analysis' estimate, the same figure
/// <c>GraphQL:Limits:MaxCost</c> caps.
/// </summary>
public sealed class CostlyOperationLane : IExecutionAdmission
{
    private readonly CostlyOperationOptions _options;
    private readonly SemaphoreSlim _slots;
    private int _waiting;

    public CostlyOperationLane(CostlyOperationOptions options)
    {
        _options = options;
        _slots = new SemaphoreSlim(Math.Max(1, options.AtOnce));
    }

    /// <summary>Operations waiting for a slot now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public async ValueTask<IDisposable?> AdmitAsync(long estimatedCost, CancellationToken cancellationToken)
    {
        if (estimatedCost < _options.FromCost)
        {
            return Slot.NotNeeded;
        }

        if (_slots.Wait(0, CancellationToken.None))
        {
            return new Slot(_slots);
        }

        if (Interlocked.Increment(ref _waiting) > _options.MaxWaiting)
        {
            Interlocked.Decrement(ref _waiting);
            return null;
        }

        try
        {
            return await _slots.WaitAsync(TimeSpan.FromSeconds(Math.Max(0, _options.MaxWaitSeconds)), cancellationToken).ConfigureAwait(false)
                ? new Slot(_slots)
                : null;
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    /// <summary>A held slot, given back once however often it is disposed.</summary>
    private sealed class Slot(SemaphoreSlim? slots) : IDisposable
    {
        public static readonly Slot NotNeeded = new(null);

        private SemaphoreSlim? _slots = slots;

        public void Dispose() => Interlocked.Exchange(ref _slots, null)?.Release();
    }
}

/// <summary>The <c>GraphQL:CostlyOperations</c> settings.</summary>
public sealed class CostlyOperationOptions
{
    /// <summary>The estimated cost from which an operation counts as costly.</summary>
    public long FromCost { get; set; } = 5_000;

    /// <summary>Costly operations running at once on this silo; by default half its cores, at least one.</summary>
    public int AtOnce { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Costly operations that may wait for a slot; any more are refused at once.</summary>
    public int MaxWaiting { get; set; } = 100;

    /// <summary>How long a costly operation waits for a slot before it is refused.</summary>
    public double MaxWaitSeconds { get; set; } = 30;
}
