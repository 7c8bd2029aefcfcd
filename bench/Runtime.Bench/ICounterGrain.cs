using InclusionNetwork.Runtime;

namespace InclusionNetwork.Runtime.Bench;

public interface ICounterGrain : IGrainWithIntegerKey
{
    Task<int> IncrementAsync();
}
