using Orleans;

namespace InclusionNetwork.Grains.Leaders;

/// <summary>How the writers of a leader's visits and clusters keep the leader grains' diaries current.</summary>
public static class LeaderDiaries
{
    /// <summary>
    /// Tells each leader's grain, after a commit, that their diary may have changed. A telling
    /// lost to a failing silo leaves a stale diary, which the next writer's version check catches.
    /// </summary>
    public static Task TellAsync(this IGrainFactory grains, params IEnumerable<long?> leaderIds) =>
        Task.WhenAll(leaderIds.OfType<long>().Distinct().Select(id => grains.GetGrain<ILeaderGrain>(id).RefreshAsync()));

    /// <summary>Reads the leader's diary again if it moved on; true when it had.</summary>
    public static Task<bool> RefreshDiaryAsync(this IGrainFactory grains, long? leaderId) =>
        leaderId is { } id ? grains.GetGrain<ILeaderGrain>(id).RefreshAsync() : Task.FromResult(false);
}
