namespace InclusionNetwork.Grains.Accounts;

/// <summary>
/// Runs at most one lookup per key at a time, shared by every caller asking for that key
/// meanwhile, and never answers a caller from a lookup that began before it asked: a caller
/// that arrives while a lookup is running waits for the next one, which all such callers
/// share. So a thousand requests at once cost two lookups, and a change committed before a
/// request arrived is always seen by the lookup that answers it (unlike a cache).
/// </summary>
public sealed class CoalescedLookups<TKey, TResult>
    where TKey : notnull
{
    private readonly object _gate = new();
    private readonly Dictionary<TKey, Slot> _slots = new();

    /// <param name="lookUp">Runs the lookup; called only when no lookup for the key is waiting to start.</param>
    /// <param name="cancellationToken">Stops this caller waiting; the shared lookup runs on for the others.</param>
    public Task<TResult> LookUpAsync(TKey key, Func<Task<TResult>> lookUp, CancellationToken cancellationToken)
    {
        Task<TResult> answer;
        lock (_gate)
        {
            if (!_slots.TryGetValue(key, out var slot))
            {
                slot = new Slot();
                _slots.Add(key, slot);
            }
            // A lookup not yet started is joined; else the next one is queued behind the running one.
            slot.Next ??= RunAfterAsync(key, slot, slot.Running ?? Task.CompletedTask, lookUp);
            answer = slot.Next;
        }
        return answer.WaitAsync(cancellationToken);
    }

    private async Task<TResult> RunAfterAsync(TKey key, Slot slot, Task previous, Func<Task<TResult>> lookUp)
    {
        // Yields first, so the caller's lock is released before the queue moves on.
        await Task.Yield();
        // The previous lookup's failure was its own callers' answer; this one starts afresh.
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Task<TResult> running;
        lock (_gate)
        {
            running = slot.Next!;
            slot.Running = running;
            slot.Next = null;
        }
        try
        {
            return await lookUp().ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                if (slot.Running == running)
                {
                    slot.Running = null;
                }
                if (slot.Running is null && slot.Next is null)
                {
                    _slots.Remove(key);
                }
            }
        }
    }

    private sealed class Slot
    {
        /// <summary>The lookup running now, whose answer may predate newer callers.</summary>
        public Task<TResult>? Running { get; set; }

        /// <summary>The lookup that starts when the running one ends, shared by everyone who asked since it began.</summary>
        public Task<TResult>? Next { get; set; }
    }
}
