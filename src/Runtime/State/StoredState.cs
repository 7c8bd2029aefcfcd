namespace InclusionNetwork.Runtime;

/// <summary>What <see cref="IGrainStorage{TState}.ReadAsync"/> found: the state (null if none or cleared) and its version (0 if never written).</summary>
public readonly record struct StoredState<TState>(TState? State, long Version);
