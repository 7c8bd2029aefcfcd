namespace InclusionNetwork.Runtime;

/// <summary>Why an activation is being deactivated, passed to <see cref="Grain.OnDeactivateAsync"/>.</summary>
public enum DeactivationReason
{
    /// <summary>No call arrived for <see cref="GrainRuntimeOptions.IdleTimeout"/>.</summary>
    IdleTimeout,

    /// <summary>The number of activations passed <see cref="GrainRuntimeOptions.MaxActivations"/>; least recently used go first.</summary>
    CapacityExceeded,

    /// <summary>The grain called <see cref="Grain.DeactivateOnIdle"/>.</summary>
    RequestedByGrain,

    /// <summary>A call failed with <see cref="InconsistentStateException"/>: the in-memory state is stale and is dropped.</summary>
    InconsistentState,

    /// <summary>The host is stopping.</summary>
    RuntimeShutdown,
}
