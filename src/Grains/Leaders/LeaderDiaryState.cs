using InclusionNetwork.Grains.TermDates;

namespace InclusionNetwork.Grains.Leaders;

/// <summary>
/// The whole diary of one leader as the leader grain holds it: every unavailable day, the day
/// of every visit they are at, the clusters they lead, and the version it was read at.
/// </summary>
public sealed class LeaderDiaryState(
    InclusionLeader leader,
    IReadOnlySet<DateOnly> unavailable,
    IReadOnlyDictionary<long, DateOnly> visits,
    IReadOnlyList<(long ClusterId, string AcademicYear)> clusters,
    long version)
{
    public InclusionLeader Leader => leader;

    public long Version => version;

    /// <summary>The part of the diary between <paramref name="from"/> and <paramref name="to"/>, leaving out the visits being decided.</summary>
    public LeaderDiary Between(DateOnly from, DateOnly to, IReadOnlyCollection<long> decidingVisitIds) => new(
        unavailable.Where(d => d >= from && d <= to).ToHashSet(),
        visits.Where(v => v.Value >= from && v.Value <= to && !decidingVisitIds.Contains(v.Key)).Select(v => v.Value).ToHashSet(),
        clusters.Where(c => AcademicYear.TryParse(c.AcademicYear, out var year) && year.Value.StartsOn >= from && year.Value.StartsOn <= to)
            .Select(c => c.ClusterId).ToList(),
        leader.MaxClusters,
        version);
}
