namespace InclusionNetwork.Runtime;

/// <summary>
/// A grain's persisted state, read before <see cref="Grain.OnActivateAsync"/> and written
/// when the grain says so. Take it in the grain's constructor (named after
/// <typeparamref name="TState"/>), or create a named one with <see cref="IPersistentStateFactory"/>.
/// Every write carries the version it read; a stale version fails with
/// <see cref="InconsistentStateException"/>.
/// </summary>
public interface IPersistentState<TState>
    where TState : new()
{
    TState State { get; set; }

    /// <summary>The stored version this state was read or last written at; 0 when never written.</summary>
    long Version { get; }

    /// <summary>The version as an opaque tag, for code written against Orleans' ETag.</summary>
    string? Etag { get; }

    /// <summary>True when a stored, uncleared state exists.</summary>
    bool RecordExists { get; }

    Task ReadStateAsync(CancellationToken cancellationToken = default);

    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes the stored state and resets <see cref="State"/> to a new <typeparamref name="TState"/>.</summary>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
