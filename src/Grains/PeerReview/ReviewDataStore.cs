using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Leaders;
using InclusionNetwork.Grains.Schools;
using InclusionNetwork.Grains.TermDates;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>Reads the facts the visit rules judge by (<see cref="ReviewRuleData"/>) for one cluster.</summary>
public sealed class ReviewDataStore(NpgsqlDataSource dataSource, SchoolQueries schools, IGrainFactory grains, DomainClock clock, IOptions<PeerReviewOptions> options)
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

        // The leader's diary is the leader grain's to tell.
        var diary = cluster.LeaderId is { } leaderId
            ? await grains.GetGrain<ILeaderGrain>(leaderId).DiaryAsync(year.StartsOn, year.EndsOn, decidingVisitIds)
            : LeaderDiary.Empty;
        var staffBusy = new Dictionary<long, HashSet<DateOnly>>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
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
        return new ReviewRuleData(year, LondonTime.Today(clock), calendar, options.Value, members, diary.Unavailable, diary.AtVisits, staff,
            staffBusy.ToDictionary(s => s.Key, s => (IReadOnlySet<DateOnly>)s.Value), cluster.LeaderId is { } leader ? (leader, diary.Version) : null);
    }
}
