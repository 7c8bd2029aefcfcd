namespace InclusionNetwork.Runtime.Tests;

public interface ISequenceGrain : IGrainWithStringKey
{
    Task RecordAsync(int sequence);

    Task<SequenceObservation> GetObservationAsync();
}

public sealed record SequenceObservation(int MaxConcurrentCalls, IReadOnlyList<int> Order);
