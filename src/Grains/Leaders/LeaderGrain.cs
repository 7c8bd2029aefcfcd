using Npgsql;
using Orleans;

namespace InclusionNetwork.Grains.Leaders;

/// <summary>
/// The leader's diary, asked by the planner and by whoever schedules a visit whether a day is
/// free. It reads the leader's unavailable days and visit days as stored on each question:
/// visits are written by their own grains, so the stored rows are the one place the diary is
/// complete, and one question costs one round trip.
/// </summary>
public sealed class LeaderGrain(NpgsqlDataSource dataSource) : Grain, ILeaderGrain
{
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
