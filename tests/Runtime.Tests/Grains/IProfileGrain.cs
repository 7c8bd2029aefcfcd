namespace InclusionNetwork.Runtime.Tests;

public interface IProfileGrain : IGrainWithGuidKey
{
    Task SetNameAsync(string name);

    Task<ProfileSnapshot> GetAsync();

    Task ClearAsync();
}

public sealed record ProfileSnapshot(string Name, long Version, bool RecordExists);
