using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InclusionNetwork.Runtime;

/// <summary>
/// One grain in memory and its mailbox. Calls queue in arrival order and a single pump runs
/// them one at a time; interleaving calls bypass the queue. All state changes happen under
/// <see cref="sync"/>, and the rule that keeps calls from being lost is simple: once an
/// activation is <see cref="ActivationStatus.Deactivating"/> it accepts nothing, and
/// whatever was still queued moves, in order, to a successor that starts only after this
/// activation has finished deactivating.
/// </summary>
internal sealed class GrainActivation : IGrainContext, IThreadPoolWorkItem
{
    /// <summary>The activation whose grain is being constructed on this thread, for <see cref="Grain"/>'s constructor.</summary>
    [ThreadStatic]
    private static GrainActivation? constructing;

    private readonly Lock sync = new();
    private readonly GrainClassInfo grainClass;
    private Queue<IGrainWorkItem> queue;
    private GrainActivation? predecessor;
    private ActivationStatus status;
    private bool pumpScheduled;
    private int interleavedRunning;
    private DeactivationReason? deactivationRequest;
    private TaskCompletionSource? deactivated;
    private Grain? grain;
    private AsyncServiceScope? scope;
    private List<IGrainStateLoader>? statesToLoad;

    public GrainActivation(GrainRuntime runtime, GrainId grainId, GrainClassInfo grainClass, GrainActivation? predecessor)
    {
        Runtime = runtime;
        GrainId = grainId;
        this.grainClass = grainClass;
        this.predecessor = predecessor;
        queue = new Queue<IGrainWorkItem>();
        LastUseTimestamp = runtime.TimeProvider.GetTimestamp();
    }

    internal static GrainActivation? Constructing => constructing;

    public GrainId GrainId { get; }

    public IGrainFactory GrainFactory => Runtime;

    internal GrainRuntime Runtime { get; }

    internal Grain Grain => grain ?? throw new InvalidOperationException($"Grain {GrainId} is not activated.");

    /// <summary>Order of last use across all activations, for least-recently-used eviction.</summary>
    internal long LastUseSequence { get; private set; }

    /// <summary><see cref="TimeProvider.GetTimestamp"/> when the last call finished, for idle collection.</summary>
    internal long LastUseTimestamp { get; private set; }

    public void DeactivateOnIdle() => RequestDeactivation(DeactivationReason.RequestedByGrain);

    /// <summary>Registers a state to read before <see cref="Grain.OnActivateAsync"/>; only during construction.</summary>
    internal void AddStateToLoad(IGrainStateLoader state)
    {
        if (status != ActivationStatus.Activating)
        {
            throw new InvalidOperationException($"Persistent state of grain {GrainId} must be created in its constructor.");
        }
        (statesToLoad ??= []).Add(state);
    }

    /// <summary>Accepts a call unless this activation is going away; the caller then installs a successor.</summary>
    internal bool TryEnqueue(IGrainWorkItem call)
    {
        bool schedulePump = false;
        bool runNow = false;
        lock (sync)
        {
            if (status >= ActivationStatus.Deactivating)
            {
                return false;
            }
            LastUseSequence = Runtime.NextUseSequence();
            if (call.Interleaves && status == ActivationStatus.Valid && deactivationRequest is null)
            {
                interleavedRunning++;
                runNow = true;
            }
            else
            {
                queue.Enqueue(call);
                if (!pumpScheduled)
                {
                    pumpScheduled = schedulePump = true;
                }
            }
        }
        if (runNow)
        {
            StartInterleaved(call);
        }
        if (schedulePump)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        return true;
    }

    /// <summary>Deactivate as soon as no call is running (now, if idle).</summary>
    internal void RequestDeactivation(DeactivationReason reason)
    {
        bool begin;
        lock (sync)
        {
            if (status >= ActivationStatus.Deactivating)
            {
                return;
            }
            deactivationRequest ??= reason;
            begin = status == ActivationStatus.Valid && !pumpScheduled && interleavedRunning == 0 && BeginDeactivationLocked();
        }
        if (begin)
        {
            _ = DeactivateAsync();
        }
    }

    /// <summary>Deactivates if nothing is running or queued and <paramref name="isStale"/> agrees; used by the collectors.</summary>
    internal bool TryDeactivateIfIdle(DeactivationReason reason, Func<GrainActivation, bool> isStale)
    {
        lock (sync)
        {
            if (status != ActivationStatus.Valid || pumpScheduled || interleavedRunning > 0 || queue.Count > 0 || !isStale(this))
            {
                return false;
            }
            deactivationRequest = reason;
            BeginDeactivationLocked();
        }
        _ = DeactivateAsync();
        return true;
    }

    internal bool IsIdleAndValid
    {
        get
        {
            lock (sync)
            {
                return status == ActivationStatus.Valid && !pumpScheduled && interleavedRunning == 0 && queue.Count == 0;
            }
        }
    }

    /// <summary>Completes when this activation has fully deactivated.</summary>
    internal Task WhenDeactivated()
    {
        lock (sync)
        {
            if (status == ActivationStatus.Deactivated)
            {
                return Task.CompletedTask;
            }
            deactivated ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return deactivated.Task;
        }
    }

    void IThreadPoolWorkItem.Execute() => _ = PumpAsync();

    private async Task PumpAsync()
    {
        if (status == ActivationStatus.Pending && !await ActivateAsync().ConfigureAwait(false))
        {
            return;
        }
        while (true)
        {
            IGrainWorkItem? next = null;
            bool deactivate = false;
            lock (sync)
            {
                if (deactivationRequest is not null)
                {
                    pumpScheduled = false;
                    deactivate = interleavedRunning == 0 && BeginDeactivationLocked();
                }
                else if (queue.Count == 0)
                {
                    pumpScheduled = false;
                }
                else
                {
                    next = queue.Dequeue();
                    if (next.Interleaves)
                    {
                        interleavedRunning++;
                    }
                }
            }
            if (next is null)
            {
                if (deactivate)
                {
                    await DeactivateAsync().ConfigureAwait(false);
                }
                return;
            }
            if (next.Interleaves)
            {
                StartInterleaved(next);
                continue;
            }
            await next.RunAsync(this).ConfigureAwait(false);
            LastUseTimestamp = Runtime.TimeProvider.GetTimestamp();
        }
    }

    private void StartInterleaved(IGrainWorkItem call) =>
        ThreadPool.UnsafeQueueUserWorkItem(
            static state => _ = state.activation.RunInterleavedAsync(state.call),
            (activation: this, call),
            preferLocal: false);

    private async Task RunInterleavedAsync(IGrainWorkItem call)
    {
        await call.RunAsync(this).ConfigureAwait(false);
        bool begin;
        lock (sync)
        {
            interleavedRunning--;
            LastUseTimestamp = Runtime.TimeProvider.GetTimestamp();
            begin = deactivationRequest is not null && interleavedRunning == 0 && !pumpScheduled && BeginDeactivationLocked();
        }
        if (begin)
        {
            await DeactivateAsync().ConfigureAwait(false);
        }
    }

    /// <returns>False, with every queued call failed, when the grain could not be activated.</returns>
    private async Task<bool> ActivateAsync()
    {
        if (predecessor is not null)
        {
            // Never let two activations of one grain overlap, even across a deactivation:
            // the old one may still be saving state in OnDeactivateAsync.
            await predecessor.WhenDeactivated().ConfigureAwait(false);
            predecessor = null;
        }
        lock (sync)
        {
            status = ActivationStatus.Activating;
        }
        try
        {
            var services = Runtime.Services.CreateAsyncScope();
            scope = services;
            constructing = this;
            try
            {
                grain = (Grain)grainClass.Factory(services.ServiceProvider, []);
            }
            finally
            {
                constructing = null;
            }
            if (statesToLoad is not null)
            {
                foreach (var state in statesToLoad)
                {
                    await state.ReadStateAsync(Runtime.StoppingToken).ConfigureAwait(false);
                }
                statesToLoad = null;
            }
            await grain.OnActivateAsync(Runtime.StoppingToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Activation failures belong to the calls that were waiting for it; the next call
            // tries a fresh activation.
            Runtime.Logger.LogError(exception, "Activating grain {GrainId} failed", GrainId);
            List<IGrainWorkItem> waiting;
            lock (sync)
            {
                status = ActivationStatus.Deactivating;
                waiting = [.. queue];
                queue.Clear();
            }
            foreach (var call in waiting)
            {
                call.Fail(exception);
            }
            await ReleaseAsync().ConfigureAwait(false);
            return false;
        }
        List<IGrainWorkItem>? interleaving = null;
        lock (sync)
        {
            status = ActivationStatus.Valid;
            // Interleaving calls that arrived before activation finished must not wait behind
            // the queued calls: start them now, alongside the first queued call.
            if (queue.Any(static call => call.Interleaves))
            {
                interleaving = [.. queue.Where(static call => call.Interleaves)];
                queue = new Queue<IGrainWorkItem>(queue.Where(static call => !call.Interleaves));
                interleavedRunning += interleaving.Count;
            }
        }
        LastUseTimestamp = Runtime.TimeProvider.GetTimestamp();
        if (interleaving is not null)
        {
            foreach (var call in interleaving)
            {
                StartInterleaved(call);
            }
        }
        return true;
    }

    /// <summary>
    /// Marks this activation as deactivating and hands any queued calls to a successor, under
    /// the lock, so no caller can slip a call in between. Always true, for use in conditions.
    /// </summary>
    private bool BeginDeactivationLocked()
    {
        status = ActivationStatus.Deactivating;
        Runtime.OnDeactivationStarted();
        if (queue.Count > 0)
        {
            var successor = new GrainActivation(Runtime, GrainId, grainClass, predecessor: this);
            successor.queue = queue;
            successor.pumpScheduled = true;
            queue = new Queue<IGrainWorkItem>();
            Runtime.InstallSuccessor(this, successor);
            ThreadPool.UnsafeQueueUserWorkItem(successor, preferLocal: false);
        }
        return true;
    }

    private async Task DeactivateAsync()
    {
        var reason = deactivationRequest ?? DeactivationReason.RuntimeShutdown;
        try
        {
            using var timeout = new CancellationTokenSource(Runtime.Options.DeactivationTimeout, Runtime.TimeProvider);
            await Grain.OnDeactivateAsync(reason, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Nobody waits on a deactivation to report to; the activation goes regardless,
            // and the failure is logged as an error for operators.
            Runtime.Logger.LogError(exception, "Deactivating grain {GrainId} ({Reason}) failed", GrainId, reason);
        }
        await ReleaseAsync().ConfigureAwait(false);
        // After the activation count has dropped, so eviction never sees too few activations
        // in flight and evicts more than it must.
        Runtime.OnDeactivationFinished();
    }

    private async Task ReleaseAsync()
    {
        try
        {
            switch (grain)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
            if (scope is { } services)
            {
                await services.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            // As in DeactivateAsync: disposal runs with no caller to report to, so the failure
            // is logged and the activation is released all the same.
            Runtime.Logger.LogError(exception, "Disposing grain {GrainId} failed", GrainId);
        }
        finally
        {
            grain = null;
            TaskCompletionSource? waiter;
            lock (sync)
            {
                status = ActivationStatus.Deactivated;
                waiter = deactivated;
            }
            Runtime.OnActivationReleased(this);
            waiter?.TrySetResult();
        }
    }
}
