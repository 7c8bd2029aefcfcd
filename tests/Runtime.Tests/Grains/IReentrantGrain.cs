namespace InclusionNetwork.Runtime.Tests;

/// <summary>No method carries [AlwaysInterleave]: only the class's [Reentrant] lets calls overlap.</summary>
public interface IReentrantGrain : IGrainWithStringKey
{
    /// <summary>Reports "waiting" to the probe, then returns once <see cref="OpenAsync"/> has run.</summary>
    Task WaitForOpeningAsync();

    Task OpenAsync();
}
