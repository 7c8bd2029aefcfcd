using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Orleans;

namespace InclusionNetwork.Grains.Leaders;

/// <summary>An Inclusion Leader of Education, keyed by the leader's id: the keeper of their diary.</summary>
public interface ILeaderGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// The leader's diary between <paramref name="from"/> and <paramref name="to"/> (inclusive):
    /// the days they cannot attend visits and the days they are at a visit, leaving out the
    /// visits being decided now (<paramref name="decidingVisitIds"/>), whose dates may move.
    /// Answered from the diary the grain holds.
    /// </summary>
    Task<LeaderDiary> DiaryAsync(DateOnly from, DateOnly to, IReadOnlyCollection<long> decidingVisitIds);

    /// <summary>
    /// Reads the stored diary version and, when it has moved past the diary held, the diary
    /// again. Writers of the leader's visits and clusters call it after they commit; a grain
    /// whose write found the diary stale, or whose refusal rests on the diary, calls it before
    /// judging again.
    /// </summary>
    /// <returns>True when the diary held was stale and has been read again.</returns>
    Task<bool> RefreshAsync();

    /// <summary>
    /// Changes the leader: admins anything (home school, capacity, retirement, dates); the
    /// leader themselves only their unavailable dates.
    /// </summary>
    Task<CommandResult<InclusionLeader>> UpdateAsync(Viewer viewer, LeaderChange change);
}
