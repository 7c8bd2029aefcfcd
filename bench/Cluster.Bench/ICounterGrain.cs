using Orleans;

namespace InclusionNetwork.Cluster.Bench;

/// <summary>The smallest useful grain: what a grain call costs with nothing else in it.</summary>
public interface ICounterGrain : IGrainWithIntegerKey
{
    Task<int> IncrementAsync();
}
