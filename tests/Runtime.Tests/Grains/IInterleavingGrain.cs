namespace InclusionNetwork.Runtime.Tests;

public interface IInterleavingGrain : IGrainWithIntegerKey
{
    Task WaitForOpeningAsync();

    [AlwaysInterleave]
    ValueTask OpenAsync();
}
