namespace InclusionNetwork.Runtime;

/// <summary>
/// Where states of type <typeparamref name="TState"/> live. The default is the JSON document
/// table <c>grain_state</c> (<see cref="PostgresJsonGrainStorage{TState}"/>); a domain store
/// registered for its own state type (<c>AddGrainStorage&lt;TState, TStore&gt;()</c>) replaces it
/// for that type. Versions start at 0 (never written); every successful write or clear
/// returns the next version. A write or clear whose <c>expectedVersion</c> is not the stored
/// one must change nothing and throw <see cref="InconsistentStateException"/>.
/// </summary>
public interface IGrainStorage<TState>
{
    Task<StoredState<TState>> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken);

    /// <returns>The new version.</returns>
    Task<long> WriteAsync(GrainId grainId, string stateName, TState state, long expectedVersion, CancellationToken cancellationToken);

    /// <returns>The new version.</returns>
    Task<long> ClearAsync(GrainId grainId, string stateName, long expectedVersion, CancellationToken cancellationToken);
}
