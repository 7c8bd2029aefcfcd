namespace InclusionNetwork.Runtime.Tests;

/// <summary>
/// A counter that several silos may write at once: on a version conflict it reloads and
/// re-applies its change, as a domain grain does.
/// </summary>
public sealed class RetryingCounterGrain(IPersistentState<CounterState> counter, GrainProbe probe) : Grain, ICounterGrain
{
    public async Task<int> IncrementAsync()
    {
        while (true)
        {
            counter.State.Count++;
            try
            {
                await counter.WriteStateAsync();
                return counter.State.Count;
            }
            catch (InconsistentStateException)
            {
                probe.Record(GetPrimaryKeyString(), "conflict");
                await counter.ReadStateAsync();
            }
        }
    }

    public Task<int> GetAsync() => Task.FromResult(counter.State.Count);
}
