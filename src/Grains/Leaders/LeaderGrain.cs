using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Orleans;

namespace InclusionNetwork.Grains.Leaders;

/// <summary>
/// The leader's diary, asked by the planner and by whoever schedules a visit whether a day is
/// free. Orleans keeps one activation of the leader, so it reads the whole diary once
/// (unavailable days, the days of their visits, the clusters they lead) and answers from it.
/// Unavailable days change here; the grains that write the leader's visits and clusters tell
/// it after they commit (<see cref="RefreshAsync"/>). A diary that went stale all the same (a
/// writer outside the grains, or a silo lost between a commit and its telling) is caught by
/// the diary version that each writer of visits checks in its transaction; the unique index
/// on (leader, day) stays the backstop against double-booking.
/// </summary>
public sealed class LeaderGrain(LeaderStore store) : Grain, ILeaderGrain
{
    private long LeaderId => this.GetPrimaryKeyLong();

    /// <summary>The diary as last read; null when there is no such leader (read again on each call).</summary>
    private LeaderDiaryState? held;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        held = await store.LoadDiaryAsync(LeaderId, cancellationToken);

    public async Task<LeaderDiary> DiaryAsync(DateOnly from, DateOnly to, IReadOnlyCollection<long> decidingVisitIds)
    {
        held ??= await store.LoadDiaryAsync(LeaderId);
        return held?.Between(from, to, decidingVisitIds) ?? LeaderDiary.Empty;
    }

    public async Task<bool> RefreshAsync()
    {
        var stored = await store.DiaryVersionAsync(LeaderId);
        if (stored == held?.Version)
        {
            return false;
        }
        held = await store.LoadDiaryAsync(LeaderId);
        return true;
    }

    public async Task<CommandResult<InclusionLeader>> UpdateAsync(Viewer viewer, LeaderChange change)
    {
        var isSelf = viewer.LeaderId == LeaderId;
        if (!viewer.IsAdmin && !isSelf)
        {
            return CommandResult<InclusionLeader>.Failure(DomainError.NotAllowed("Only admins and the leader themselves may change a leader."));
        }
        if (!viewer.IsAdmin && change.ChangesMoreThanDates)
        {
            return CommandResult<InclusionLeader>.Failure(DomainError.NotAllowed("Leaders may change their own unavailable dates only; ask an admin for the rest."));
        }
        if (change.MaxClusters is < 1 or > LeaderRules.MostMaxClusters)
        {
            return CommandResult<InclusionLeader>.Failure(DomainError.Invalid($"maxClusters must be between 1 and {LeaderRules.MostMaxClusters}.", "input", "maxClusters"));
        }
        if (change.AddUnavailableDates.Count > LeaderRules.MostDatesPerChange || change.RemoveUnavailableDates.Count > LeaderRules.MostDatesPerChange)
        {
            return CommandResult<InclusionLeader>.Failure(DomainError.Invalid($"Add or remove at most {LeaderRules.MostDatesPerChange} dates at once.", "input"));
        }
        if (change.SchoolUrnGiven && await store.SchoolProblemAsync(change.SchoolUrn) is { } schoolProblem)
        {
            return CommandResult<InclusionLeader>.Failure(schoolProblem);
        }
        var leader = await store.ChangeAsync(LeaderId, change);
        if (leader is null)
        {
            return CommandResult<InclusionLeader>.Failure(DomainError.NotFound("No inclusion leader has that id.", "input", "leaderId"));
        }
        // The change and its dates are in the diary from now on, as stored.
        held = await store.LoadDiaryAsync(LeaderId);
        return CommandResult<InclusionLeader>.Success(leader);
    }
}
