namespace InclusionNetwork.Runtime.Tests;

/// <summary>A counter that lets a version conflict escape, to show what the runtime does with it.</summary>
public sealed class NaiveCounterGrain(IPersistentState<CounterState> counter) : Grain, INaiveCounterGrain
{
    public async Task<int> IncrementAsync()
    {
        counter.State.Count++;
        await counter.WriteStateAsync();
        return counter.State.Count;
    }

    public Task<int> GetAsync() => Task.FromResult(counter.State.Count);
}
