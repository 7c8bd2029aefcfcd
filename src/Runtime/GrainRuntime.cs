using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InclusionNetwork.Runtime;

/// <summary>
/// The grain runtime of one process (one silo): the directory of activations, the
/// <see cref="IGrainFactory"/>, and the collectors that keep the number of activations
/// bounded (idle timeout and least-recently-used eviction past <see cref="GrainRuntimeOptions.MaxActivations"/>).
/// </summary>
public sealed class GrainRuntime : IGrainFactory, IAsyncDisposable
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> directory = new();
    private readonly GrainTypeRegistry registry;
    private readonly CancellationTokenSource stopping = new();
    private readonly ITimer idleCollector;
    private IReminderRegistry? reminders;
    private long useSequence;
    private int liveActivations;
    private int deactivatingActivations;
    private int evictionScheduled;
    private int disposed;

    public GrainRuntime(IServiceProvider services, GrainTypeRegistry registry, IOptions<GrainRuntimeOptions> options, TimeProvider timeProvider, ILogger<GrainRuntime> logger)
    {
        Services = services;
        this.registry = registry;
        Options = options.Value;
        TimeProvider = timeProvider;
        Logger = logger;
        if (Options.MaxActivations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options.MaxActivations, "GrainRuntimeOptions.MaxActivations must be at least 1.");
        }
        idleCollector = timeProvider.CreateTimer(static state => ((GrainRuntime)state!).CollectIdleActivations(), this, Options.CollectionInterval, Options.CollectionInterval);
    }

    /// <summary>Activations in memory now, including those still deactivating.</summary>
    public int ActivationCount => Volatile.Read(ref liveActivations);

    internal IServiceProvider Services { get; }

    internal GrainRuntimeOptions Options { get; }

    internal TimeProvider TimeProvider { get; }

    internal ILogger Logger { get; }

    /// <summary>Cancelled when the runtime stops; passed to <see cref="Grain.OnActivateAsync"/>.</summary>
    internal CancellationToken StoppingToken => stopping.Token;

    // Resolved on first use so that a runtime without reminders needs no database.
    internal IReminderRegistry Reminders => reminders ??= Services.GetRequiredService<IReminderRegistry>();

    internal GrainTypeRegistry Registry => registry;

    public TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return CreateReference<TGrain>(key);
    }

    public TGrain GetGrain<TGrain>(long key) where TGrain : IGrainWithIntegerKey => CreateReference<TGrain>(GrainId.KeyOf(key));

    public TGrain GetGrain<TGrain>(Guid key) where TGrain : IGrainWithGuidKey => CreateReference<TGrain>(GrainId.KeyOf(key));

    private TGrain CreateReference<TGrain>(string key)
    {
        var grainClass = registry.ForInterface(typeof(TGrain));
        return GrainReferenceProxy.Create<TGrain>(this, new GrainId(grainClass.GrainType, key), grainClass);
    }

    /// <summary>
    /// Delivers a call to the grain's current activation, creating one if there is none, or a
    /// successor if the current one is deactivating. Synchronous: arrival order is the order
    /// in which callers reach this method.
    /// </summary>
    internal void Enqueue(GrainId grainId, GrainClassInfo grainClass, IGrainWorkItem call)
    {
        while (true)
        {
            if (!directory.TryGetValue(grainId, out var activation))
            {
                var created = new GrainActivation(this, grainId, grainClass, predecessor: null);
                activation = directory.GetOrAdd(grainId, created);
                if (ReferenceEquals(activation, created))
                {
                    OnActivationCreated();
                }
            }
            if (activation.TryEnqueue(call))
            {
                return;
            }
            var successor = new GrainActivation(this, grainId, grainClass, predecessor: activation);
            if (directory.TryUpdate(grainId, successor, activation))
            {
                OnActivationCreated();
            }
        }
    }

    /// <summary>Called under the old activation's lock when it hands its queue to a successor.</summary>
    internal void InstallSuccessor(GrainActivation old, GrainActivation successor)
    {
        if (!directory.TryUpdate(old.GrainId, successor, old))
        {
            // Only a deactivating activation can be replaced, and this one was live until now.
            throw new InvalidOperationException($"The directory entry of grain {old.GrainId} changed while its activation was live.");
        }
        OnActivationCreated();
    }

    internal long NextUseSequence() => Interlocked.Increment(ref useSequence);

    internal void OnDeactivationStarted() => Interlocked.Increment(ref deactivatingActivations);

    internal void OnDeactivationFinished() => Interlocked.Decrement(ref deactivatingActivations);

    internal void OnActivationReleased(GrainActivation activation)
    {
        directory.TryRemove(KeyValuePair.Create(activation.GrainId, activation));
        Interlocked.Decrement(ref liveActivations);
    }

    private void OnActivationCreated()
    {
        if (Interlocked.Increment(ref liveActivations) > Options.MaxActivations
            && Interlocked.CompareExchange(ref evictionScheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static runtime => runtime.EvictLeastRecentlyUsed(), this, preferLocal: false);
        }
    }

    /// <summary>Deactivates the least recently used idle activations until the count is back at the cap.</summary>
    private void EvictLeastRecentlyUsed()
    {
        try
        {
            var excess = Volatile.Read(ref liveActivations) - Volatile.Read(ref deactivatingActivations) - Options.MaxActivations;
            if (excess <= 0)
            {
                return;
            }
            var candidates = new List<(long Sequence, GrainActivation Activation)>();
            foreach (var (_, activation) in directory)
            {
                if (activation.IsIdleAndValid)
                {
                    candidates.Add((activation.LastUseSequence, activation));
                }
            }
            candidates.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
            foreach (var (sequence, activation) in candidates)
            {
                if (excess == 0)
                {
                    break;
                }
                // Skip it if it was used since the snapshot.
                if (activation.TryDeactivateIfIdle(DeactivationReason.CapacityExceeded, a => a.LastUseSequence == sequence))
                {
                    excess--;
                }
            }
        }
        finally
        {
            Volatile.Write(ref evictionScheduled, 0);
        }
    }

    private void CollectIdleActivations()
    {
        var idleTimeout = Options.IdleTimeout;
        foreach (var (_, activation) in directory)
        {
            activation.TryDeactivateIfIdle(DeactivationReason.IdleTimeout, a => TimeProvider.GetElapsedTime(a.LastUseTimestamp) >= idleTimeout);
        }
    }

    /// <summary>
    /// Deactivates every activation, letting calls in progress and queued calls finish first,
    /// so grains can save state in <see cref="Grain.OnDeactivateAsync"/>. The host calls this on stop.
    /// </summary>
    public async Task DeactivateAllAsync(CancellationToken cancellationToken)
    {
        // Calls queued behind a deactivating activation move to a successor, so repeat until
        // the directory is empty.
        while (!directory.IsEmpty)
        {
            var waits = new List<Task>();
            foreach (var (_, activation) in directory)
            {
                activation.RequestDeactivation(DeactivationReason.RuntimeShutdown);
                waits.Add(activation.WhenDeactivated());
            }
            await Task.WhenAll(waits).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The container disposes this once per registration (GrainRuntime and IGrainFactory).
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }
        await idleCollector.DisposeAsync().ConfigureAwait(false);
        await stopping.CancelAsync().ConfigureAwait(false);
        stopping.Dispose();
    }
}
