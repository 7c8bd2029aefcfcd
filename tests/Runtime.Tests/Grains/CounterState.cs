namespace InclusionNetwork.Runtime.Tests;

public sealed class CounterState
{
    public int Count { get; set; }
}
