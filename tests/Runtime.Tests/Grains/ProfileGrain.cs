namespace InclusionNetwork.Runtime.Tests;

/// <summary>Uses a named state from the factory rather than constructor injection.</summary>
public sealed class ProfileGrain : Grain, IProfileGrain
{
    private readonly IPersistentState<ProfileState> profile;

    public ProfileGrain(IPersistentStateFactory states)
    {
        profile = states.Create<ProfileState>(GrainContext, "profile");
    }

    public Task SetNameAsync(string name)
    {
        profile.State.Name = name;
        return profile.WriteStateAsync();
    }

    public Task<ProfileSnapshot> GetAsync() => Task.FromResult(new ProfileSnapshot(profile.State.Name, profile.Version, profile.RecordExists));

    public Task ClearAsync() => profile.ClearStateAsync();
}
