namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>
/// Per-request batching and caching of loads by key (the pattern of the dataloader library).
/// <see cref="LoadAsync"/> queues a key and returns a task; the executor dispatches one call of
/// the batch function for all keys queued while it had other work, so loading the children
/// of 20 parents costs one call. A key is loaded at most once per request.
/// </summary>
public sealed class DataLoader<TKey, TValue> : IBatchLoader
    where TKey : notnull
{
    private readonly DataLoaderRegistry _registry;
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _batch;
    private readonly TValue? _missing;
    private readonly object _gate = new();
    private readonly Dictionary<TKey, Task<TValue?>> _cache = [];
    private List<(TKey Key, TaskCompletionSource<TValue?> Completion)> _queue = [];

    internal DataLoader(
        DataLoaderRegistry registry,
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> batch,
        TValue? missing)
    {
        _registry = registry;
        Name = name;
        _batch = batch;
        _missing = missing;
    }

    public string Name { get; }

    /// <summary>Keys per call of the batch function; larger batches are split.</summary>
    public int MaxBatchSize { get; init; } = 1000;

    /// <summary>The value for a key; a key the batch function did not return gets null (or an empty list when grouped).</summary>
    public Task<TValue?> LoadAsync(TKey key)
    {
        TaskCompletionSource<TValue?> completion;
        bool first;
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var cached))
            {
                return cached;
            }

            // Continuations run inline when the batch completes, so the resolvers waiting on it
            // finish (and queue the next level's keys) before the executor looks for more work.
            completion = new TaskCompletionSource<TValue?>();
            _cache[key] = completion.Task;
            first = _queue.Count == 0;
            _queue.Add((key, completion));
        }

        if (first)
        {
            _registry.NotifyQueued(this);
        }

        return completion.Task;
    }

    public async Task<IReadOnlyList<TValue?>> LoadManyAsync(IEnumerable<TKey> keys)
    {
        var tasks = new List<Task<TValue?>>();
        foreach (var key in keys)
        {
            tasks.Add(LoadAsync(key));
        }

        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    /// <summary>Puts a value in the cache, e.g. one a mutation just wrote; an existing entry wins.</summary>
    public void Prime(TKey key, TValue value)
    {
        lock (_gate)
        {
            _cache.TryAdd(key, Task.FromResult<TValue?>(value));
        }
    }

    async Task IBatchLoader.DispatchAsync(CancellationToken cancellationToken)
    {
        List<(TKey Key, TaskCompletionSource<TValue?> Completion)> queued;
        lock (_gate)
        {
            queued = _queue;
            _queue = [];
        }

        for (var start = 0; start < queued.Count; start += MaxBatchSize)
        {
            var count = Math.Min(MaxBatchSize, queued.Count - start);
            var keys = new TKey[count];
            for (var i = 0; i < count; i++)
            {
                keys[i] = queued[start + i].Key;
            }

            IReadOnlyDictionary<TKey, TValue> results;
            try
            {
                results = await _batch(keys, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // Every waiting resolver gets the failure, which becomes its field's error.
                for (var i = 0; i < count; i++)
                {
                    queued[start + i].Completion.TrySetException(e);
                }

                continue;
            }

            for (var i = 0; i < count; i++)
            {
                var (key, completion) = queued[start + i];
                completion.TrySetResult(results.TryGetValue(key, out var value) ? value : _missing);
            }
        }
    }
}
