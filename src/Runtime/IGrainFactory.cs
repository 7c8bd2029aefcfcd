namespace InclusionNetwork.Runtime;

/// <summary>
/// Hands out references to grains. A reference is cheap and holds no activation: the
/// activation is created on the first call and may come and go between calls.
/// </summary>
public interface IGrainFactory
{
    TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey;

    TGrain GetGrain<TGrain>(long key) where TGrain : IGrainWithIntegerKey;

    TGrain GetGrain<TGrain>(Guid key) where TGrain : IGrainWithGuidKey;
}
