using System.Collections.Concurrent;

namespace InclusionNetwork.Runtime.Tests;

/// <summary>
/// What test grains report back to the test: lifecycle events in order, plus a gate and a
/// rendezvous the grains wait on, so tests synchronise on signals instead of sleeping.
/// </summary>
public sealed class GrainProbe
{
    private readonly ConcurrentQueue<ProbeEvent> events = new();
    private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource everyoneArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int arrivals;

    public void Record(string key, string kind, string detail = "") => events.Enqueue(new ProbeEvent(key, kind, detail));

    public IReadOnlyList<ProbeEvent> Events => [.. events];

    public IReadOnlyList<ProbeEvent> EventsOf(string key, string kind) => [.. events.Where(e => e.Key == key && e.Kind == kind)];

    public Task WaitForGateAsync() => gate.Task;

    public void OpenGate() => gate.TrySetResult();

    /// <summary>Completes once <paramref name="parties"/> callers have arrived; a caller alone waits forever.</summary>
    public Task ArriveAndWaitAsync(int parties)
    {
        if (Interlocked.Increment(ref arrivals) == parties)
        {
            everyoneArrived.TrySetResult();
        }
        return everyoneArrived.Task;
    }

    /// <summary>Waits for the <paramref name="count"/>th event matching <paramref name="match"/>.</summary>
    public async Task<ProbeEvent> WaitForAsync(Func<ProbeEvent, bool> match, int count = 1)
    {
        ProbeEvent? found = null;
        await Eventually.HoldsAsync(() =>
        {
            var matching = events.Where(match).ToList();
            found = matching.Count >= count ? matching[count - 1] : null;
            return found is not null;
        }, "a grain reported the awaited event");
        return found!;
    }
}

public sealed record ProbeEvent(string Key, string Kind, string Detail);
