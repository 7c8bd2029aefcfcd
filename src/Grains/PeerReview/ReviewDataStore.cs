using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Schools;
using InclusionNetwork.Grains.TermDates;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>Reads the facts the visit rules judge by (<see cref="ReviewRuleData"/>) for one cluster.</summary>
public sealed class ReviewDataStore(NpgsqlDataSource dataSource, SchoolQueries schools, DomainClock clock, IOptions<PeerReviewOptions> options)
{
    public PeerReviewOptions Options => options.Value;

    /// <param name="decidingVisitIds">Visits being decided now: their own dates do not make anyone busy.</param>
    public async Task<ReviewRuleData> LoadAsync(Cluster cluster, IReadOnlyCollection<long> decidingVisitIds, CancellationToken cancellationToken = default)
    {
        if (!AcademicYear.TryParse(cluster.AcademicYear, out var parsed))
        {
            throw new InvalidOperationException($"Cluster {cluster.Id} has an academic year the database should have refused: {cluster.AcademicYear}.");
        }
        var year = parsed.Value;
        var calendar = await new TermCalendarStore(dataSource).LoadAsync(year.StartsOn, year.EndsOn, cluster.MemberUrns, cancellationToken);
        var members = (await schools.FindManyAsync(cluster.MemberUrns, cancellationToken)).ToDictionary(s => s.Key, s => s.Value.Name);
        var staff = (await schools.StaffOfAsync(cluster.MemberUrns, cancellationToken)).SelectMany(g => g).ToDictionary(s => s.Id);

        var leaderUnavailable = new HashSet<DateOnly>();
        var leaderBusy = new HashSet<DateOnly>();
        var staffBusy = new Dictionary<long, HashSet<DateOnly>>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (cluster.LeaderId is { } leaderId)
        {
            await using var unavailable = new NpgsqlCommand(
                "SELECT unavailable_on FROM leader_unavailable_dates WHERE leader_id = @leader AND unavailable_on BETWEEN @from AND @to", connection);
            unavailable.Parameters.AddWithValue("leader", leaderId);
            unavailable.Parameters.AddWithValue("from", year.StartsOn);
            unavailable.Parameters.AddWithValue("to", year.EndsOn);
            await ReadDatesAsync(unavailable, leaderUnavailable, cancellationToken);

            await using var busy = new NpgsqlCommand("""
                SELECT visit_date FROM review_visits
                WHERE leader_id = @leader AND status <> 'CANCELLED' AND visit_date BETWEEN @from AND @to AND id <> ALL(@deciding)
                """, connection);
            busy.Parameters.AddWithValue("leader", leaderId);
            busy.Parameters.AddWithValue("from", year.StartsOn);
            busy.Parameters.AddWithValue("to", year.EndsOn);
            busy.Parameters.AddWithValue("deciding", decidingVisitIds.ToArray());
            await ReadDatesAsync(busy, leaderBusy, cancellationToken);
        }
        await using (var reviewing = new NpgsqlCommand("""
            SELECT staff_id, review_date FROM visit_reviewers
            WHERE staff_id = ANY(@staff) AND review_date BETWEEN @from AND @to AND visit_id <> ALL(@deciding)
            """, connection))
        {
            reviewing.Parameters.AddWithValue("staff", staff.Keys.ToArray());
            reviewing.Parameters.AddWithValue("from", year.StartsOn);
            reviewing.Parameters.AddWithValue("to", year.EndsOn);
            reviewing.Parameters.AddWithValue("deciding", decidingVisitIds.ToArray());
            await using var reader = await reviewing.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetInt64(0);
                if (!staffBusy.TryGetValue(id, out var days))
                {
                    staffBusy[id] = days = [];
                }
                days.Add(reader.GetFieldValue<DateOnly>(1));
            }
        }
        return new ReviewRuleData(year, LondonTime.Today(clock), calendar, options.Value, members, leaderUnavailable, leaderBusy, staff,
            staffBusy.ToDictionary(s => s.Key, s => (IReadOnlySet<DateOnly>)s.Value));
    }

    private static async Task ReadDatesAsync(NpgsqlCommand command, HashSet<DateOnly> into, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            into.Add(reader.GetFieldValue<DateOnly>(0));
        }
    }
}
