namespace InclusionNetwork.Runtime.Tests;

/// <summary>Records the order calls ran in and the most that ever ran at once.</summary>
public sealed class SequenceGrain : Grain, ISequenceGrain
{
    private readonly Lock sync = new();
    private readonly List<int> order = [];
    private int running;
    private int maxConcurrent;

    public async Task RecordAsync(int sequence)
    {
        var concurrent = Interlocked.Increment(ref running);
        lock (sync)
        {
            maxConcurrent = Math.Max(maxConcurrent, concurrent);
            order.Add(sequence);
        }
        // Give any call that is (wrongly) allowed to overlap this one the chance to start.
        await Task.Yield();
        Interlocked.Decrement(ref running);
    }

    public Task<SequenceObservation> GetObservationAsync()
    {
        lock (sync)
        {
            return Task.FromResult(new SequenceObservation(maxConcurrent, [.. order]));
        }
    }
}
