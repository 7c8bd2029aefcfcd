namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>
/// The DataLoaders of one request, by name, and the queue of those with keys waiting. The
/// executor owns one per request (<see cref="IResolverContext.DataLoaders"/>) and calls
/// <see cref="DispatchAsync"/> when it has run out of synchronous work. Outside the executor,
/// call <see cref="DispatchAsync"/> yourself.
/// </summary>
public sealed class DataLoaderRegistry
{
    private readonly object _gate = new();
    private readonly Dictionary<string, object> _loaders = new(StringComparer.Ordinal);
    private readonly List<IBatchLoader> _queued = [];
    private readonly CancellationToken _cancellationToken;
    private TaskCompletionSource? _keysQueued;

    public DataLoaderRegistry(CancellationToken cancellationToken = default) => _cancellationToken = cancellationToken;

    /// <summary>The loader of this name, created with <paramref name="batch"/> on first use in the request.</summary>
    public DataLoader<TKey, TValue> GetOrAdd<TKey, TValue>(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> batch)
        where TKey : notnull =>
        GetOrAdd(name, () => new DataLoader<TKey, TValue>(this, name, batch, default));

    /// <summary>
    /// A one-to-many loader: the batch function returns a lookup, and each key loads the list
    /// of its values (empty when the lookup has none).
    /// </summary>
    public DataLoader<TKey, IReadOnlyList<TValue>> GetOrAddGrouped<TKey, TValue>(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<ILookup<TKey, TValue>>> batch)
        where TKey : notnull =>
        GetOrAdd(name, () => new DataLoader<TKey, IReadOnlyList<TValue>>(
            this,
            name,
            async (keys, cancellationToken) =>
            {
                var lookup = await batch(keys, cancellationToken).ConfigureAwait(false);
                var grouped = new Dictionary<TKey, IReadOnlyList<TValue>>(keys.Count);
                foreach (var key in keys)
                {
                    grouped[key] = lookup.Contains(key) ? [.. lookup[key]] : [];
                }

                return grouped;
            },
            []));

    /// <summary>Whether some loader has keys that no batch has been started for yet.</summary>
    public bool HasQueuedKeys
    {
        get
        {
            lock (_gate)
            {
                return _queued.Count > 0;
            }
        }
    }

    /// <summary>Starts one batch per loader with queued keys and waits for all of them.</summary>
    public Task DispatchAsync()
    {
        IBatchLoader[] loaders;
        lock (_gate)
        {
            loaders = [.. _queued];
            _queued.Clear();
        }

        if (loaders.Length == 0)
        {
            return Task.CompletedTask;
        }

        if (loaders.Length == 1)
        {
            return loaders[0].DispatchAsync(_cancellationToken);
        }

        var batches = new Task[loaders.Length];
        for (var i = 0; i < loaders.Length; i++)
        {
            batches[i] = loaders[i].DispatchAsync(_cancellationToken);
        }

        return Task.WhenAll(batches);
    }

    /// <summary>Completes when a key is next queued (already completed when one is waiting).</summary>
    internal Task WhenKeysQueued()
    {
        lock (_gate)
        {
            if (_queued.Count > 0)
            {
                return Task.CompletedTask;
            }

            // Resumes the executor on the thread pool, never inline inside the resolver that queued.
            _keysQueued ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _keysQueued.Task;
        }
    }

    internal void NotifyQueued(IBatchLoader loader)
    {
        TaskCompletionSource? signal;
        lock (_gate)
        {
            if (!_queued.Contains(loader))
            {
                _queued.Add(loader);
            }

            signal = _keysQueued;
            _keysQueued = null;
        }

        signal?.TrySetResult();
    }

    private DataLoader<TKey, TValue> GetOrAdd<TKey, TValue>(string name, Func<DataLoader<TKey, TValue>> create)
        where TKey : notnull
    {
        lock (_gate)
        {
            if (_loaders.TryGetValue(name, out var existing))
            {
                return existing as DataLoader<TKey, TValue> ?? throw new InvalidOperationException(
                    $"The DataLoader \"{name}\" was created with other key or value types than <{typeof(TKey).Name}, {typeof(TValue).Name}>.");
            }

            var loader = create();
            _loaders.Add(name, loader);
            return loader;
        }
    }
}
