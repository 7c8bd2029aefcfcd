using InclusionNetwork.Runtime;

namespace InclusionNetwork.Runtime.Bench;

/// <summary>The smallest useful grain: an in-memory counter, so the numbers measure the runtime.</summary>
public sealed class CounterGrain : Grain, ICounterGrain
{
    private int count;

    public Task<int> IncrementAsync() => Task.FromResult(++count);
}
