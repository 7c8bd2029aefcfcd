using Orleans;

namespace InclusionNetwork.Cluster.Bench;

/// <summary>An in-memory count and nothing else, so an idle activation is Orleans' own overhead.</summary>
public sealed class CounterGrain : Grain, ICounterGrain
{
    private int count;

    public Task<int> IncrementAsync() => Task.FromResult(++count);
}
