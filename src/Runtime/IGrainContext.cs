namespace InclusionNetwork.Runtime;

/// <summary>What an activation knows about itself; <see cref="Grain.GrainContext"/> exposes it.</summary>
public interface IGrainContext
{
    GrainId GrainId { get; }

    IGrainFactory GrainFactory { get; }

    /// <summary>
    /// Deactivate once the current call returns. Calls already queued behind it are not
    /// lost: they are handed, in order, to a fresh activation.
    /// </summary>
    void DeactivateOnIdle();
}
