namespace InclusionNetwork.Runtime;

/// <summary>A state the activation reads before <see cref="Grain.OnActivateAsync"/>.</summary>
internal interface IGrainStateLoader
{
    Task ReadStateAsync(CancellationToken cancellationToken);
}
