using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Npgsql;
using Orleans;

namespace InclusionNetwork.Grains.Leaders;

/// <summary>
/// The leader's diary, asked by the planner and by whoever schedules a visit whether a day is
/// free. It reads the leader's unavailable days and visit days as stored on each question:
/// visits are written by their own grains, so the stored rows are the one place the diary is
/// complete, and one question costs one round trip.
/// </summary>
public sealed class LeaderGrain(NpgsqlDataSource dataSource, LeaderStore store) : Grain, ILeaderGrain
{
    public async Task<CommandResult<InclusionLeader>> UpdateAsync(Viewer viewer, LeaderChange change)
    {
        var leaderId = this.GetPrimaryKeyLong();
        var isSelf = viewer.LeaderId == leaderId;
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
        var leader = await store.ChangeAsync(leaderId, change);
        return leader is null
            ? CommandResult<InclusionLeader>.Failure(DomainError.NotFound("No inclusion leader has that id.", "input", "leaderId"))
            : CommandResult<InclusionLeader>.Success(leader);
    }

    public async Task<LeaderDiary> DiaryAsync(DateOnly from, DateOnly to, IReadOnlyCollection<long> decidingVisitIds)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT unavailable_on, false FROM leader_unavailable_dates
            WHERE leader_id = @leader AND unavailable_on BETWEEN @from AND @to
            UNION ALL
            SELECT visit_date, true FROM review_visits
            WHERE leader_id = @leader AND status <> 'CANCELLED' AND visit_date BETWEEN @from AND @to AND id <> ALL(@deciding)
            """);
        command.Parameters.AddWithValue("leader", this.GetPrimaryKeyLong());
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        command.Parameters.AddWithValue("deciding", decidingVisitIds.ToArray());
        var unavailable = new HashSet<DateOnly>();
        var atVisits = new HashSet<DateOnly>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            (reader.GetBoolean(1) ? atVisits : unavailable).Add(reader.GetFieldValue<DateOnly>(0));
        }
        return new LeaderDiary(unavailable, atVisits);
    }
}
