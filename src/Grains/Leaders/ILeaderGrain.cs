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
    /// </summary>
    Task<LeaderDiary> DiaryAsync(DateOnly from, DateOnly to, IReadOnlyCollection<long> decidingVisitIds);

    /// <summary>
    /// Changes the leader: admins anything (home school, capacity, retirement, dates); the
    /// leader themselves only their unavailable dates.
    /// </summary>
    Task<CommandResult<InclusionLeader>> UpdateAsync(Viewer viewer, LeaderChange change);
}
