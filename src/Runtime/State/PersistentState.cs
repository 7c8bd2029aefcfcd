using System.Globalization;

namespace InclusionNetwork.Runtime;

/// <summary>
/// <see cref="IPersistentState{TState}"/> over an <see cref="IGrainStorage{TState}"/>. DI
/// creates it while a grain is being constructed and it binds itself to that activation.
/// </summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IGrainStateLoader
    where TState : new()
{
    private readonly IGrainStorage<TState> storage;
    private readonly GrainId grainId;
    private readonly string stateName;

    // Used by DI when a grain's constructor asks for IPersistentState<TState>.
    public PersistentState(IGrainStorage<TState> storage)
        : this(storage, GrainActivation.Constructing ?? throw new InvalidOperationException($"IPersistentState<{typeof(TState).Name}> can only be taken by a grain's constructor."), typeof(TState).Name)
    {
    }

    internal PersistentState(IGrainStorage<TState> storage, GrainActivation activation, string stateName)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        this.storage = storage;
        grainId = activation.GrainId;
        this.stateName = stateName;
        activation.AddStateToLoad(this);
    }

    public TState State { get; set; } = new();

    public long Version { get; private set; }

    public string? Etag => Version == 0 ? null : Version.ToString(CultureInfo.InvariantCulture);

    public bool RecordExists { get; private set; }

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var stored = await storage.ReadAsync(grainId, stateName, cancellationToken).ConfigureAwait(false);
        State = stored.State ?? new TState();
        Version = stored.Version;
        RecordExists = stored.State is not null;
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        Version = await storage.WriteAsync(grainId, stateName, State, Version, cancellationToken).ConfigureAwait(false);
        RecordExists = true;
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        Version = await storage.ClearAsync(grainId, stateName, Version, cancellationToken).ConfigureAwait(false);
        State = new TState();
        RecordExists = false;
    }
}
