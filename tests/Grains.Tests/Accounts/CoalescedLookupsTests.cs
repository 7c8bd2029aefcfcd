using InclusionNetwork.Grains.Accounts;

namespace InclusionNetwork.Grains.Tests.Accounts;

/// <summary>
/// Callers asking for one key at once share a lookup, and none is answered by a lookup that
/// began before it asked: that is what keeps a token revoked before a request arrived from
/// being accepted on an older answer.
/// </summary>
public sealed class CoalescedLookupsTests
{
    [Fact]
    public async Task Callers_during_a_running_lookup_share_the_next_one_never_the_running_one()
    {
        var lookups = new CoalescedLookups<string, int>();
        var started = new List<TaskCompletionSource<int>>();
        var startedSignal = new SemaphoreSlim(0);
        Task<int> LookUp()
        {
            var lookup = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (started)
            {
                started.Add(lookup);
            }
            startedSignal.Release();
            return lookup.Task;
        }

        var first = lookups.LookUpAsync("token", LookUp, CancellationToken.None);
        Assert.True(await startedSignal.WaitAsync(TimeSpan.FromSeconds(10)));
        // Fifty callers arrive while the first lookup runs (say, just after the token was revoked).
        var later = Enumerable.Range(0, 50).Select(_ => lookups.LookUpAsync("token", LookUp, CancellationToken.None)).ToList();
        var otherKey = lookups.LookUpAsync("another token", LookUp, CancellationToken.None);
        Assert.True(await startedSignal.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, started.Count); // the running one and the other key's; the fifty wait, unanswered
        Assert.All(later, task => Assert.False(task.IsCompleted));

        started[0].SetResult(1); // the old answer
        Assert.Equal(1, await first);
        Assert.True(await startedSignal.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(3, started.Count); // one lookup for all fifty, begun after they asked
        Assert.All(later, task => Assert.False(task.IsCompleted));
        started[2].SetResult(2);
        Assert.All(await Task.WhenAll(later), answer => Assert.Equal(2, answer));

        started[1].SetResult(7);
        Assert.Equal(7, await otherKey);

        // A failed lookup fails its own callers only; the next caller gets a fresh lookup.
        var failing = lookups.LookUpAsync("token", () => Task.FromException<int>(new InvalidOperationException("database gone")), CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal(9, await lookups.LookUpAsync("token", () => Task.FromResult(9), CancellationToken.None));

        // A caller that stops waiting does not cancel the lookup the others share.
        var slow = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var leaving = new CancellationTokenSource();
        var leaver = lookups.LookUpAsync("token", () => slow.Task, leaving.Token);
        var stayer = lookups.LookUpAsync("token", () => slow.Task, CancellationToken.None);
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaver);
        slow.SetResult(3);
        Assert.Equal(3, await stayer);
    }
}
