namespace InclusionNetwork.Runtime.Tests;

public interface INaiveCounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    Task<int> GetAsync();
}
