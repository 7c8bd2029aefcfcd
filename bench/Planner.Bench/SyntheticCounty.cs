using InclusionNetwork.Grains.PeerReview;
using InclusionNetwork.Grains.Schools;
using InclusionNetwork.Grains.TermDates;

namespace InclusionNetwork.Bench.Planner;

/// <summary>
/// A county of 600 schools in clusters of five, led by ILEs who share their clusters (six
/// each), with the county's 2026/27 term dates, England's bank holidays, one training day per
/// school and every sixth Friday off for each ILE: the same shape as the demo county.
/// </summary>
public sealed class SyntheticCounty
{
    public const int Schools = 600;
    public const int SchoolsPerCluster = 5;
    public const int ClustersPerLeader = 6;

    public static readonly AcademicYear Year = new(2026);

    public SyntheticCounty()
    {
        var urns = Enumerable.Range(0, Schools).Select(i => (900000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var trainingDays = new[] { new DateOnly(2026, 11, 2), new DateOnly(2027, 1, 4), new DateOnly(2027, 2, 22), new DateOnly(2027, 4, 12) };
        Calendar = new TermCalendar(
            [
                new("2026/27", TermPeriodKind.TERM, "Autumn 1", new(2026, 9, 3), new(2026, 10, 23)),
                new("2026/27", TermPeriodKind.TERM, "Autumn 2", new(2026, 11, 2), new(2026, 12, 18)),
                new("2026/27", TermPeriodKind.TERM, "Spring 1", new(2027, 1, 4), new(2027, 2, 12)),
                new("2026/27", TermPeriodKind.TERM, "Spring 2", new(2027, 2, 22), new(2027, 3, 25)),
                new("2026/27", TermPeriodKind.TERM, "Summer 1", new(2027, 4, 12), new(2027, 5, 28)),
                new("2026/27", TermPeriodKind.TERM, "Summer 2", new(2027, 6, 7), new(2027, 7, 21)),
            ],
            [new(2026, 12, 25), new(2026, 12, 28), new(2027, 1, 1), new(2027, 3, 26), new(2027, 3, 29), new(2027, 5, 3), new(2027, 5, 31)],
            urns.Select((u, i) => (u, i)).ToDictionary(x => x.u, x => (IReadOnlyCollection<DateOnly>)[trainingDays[x.i % trainingDays.Length]]));
        long nextStaff = 1;
        Clusters = urns.Chunk(SchoolsPerCluster).Select((members, index) =>
        {
            var staff = new Dictionary<long, StaffMember>();
            foreach (var urn in members)
            {
                foreach (var role in new[] { StaffRole.HEADTEACHER, StaffRole.SENIOR_LEADER, StaffRole.MIDDLE_LEADER, StaffRole.SENCO, StaffRole.TEACHER })
                {
                    staff[nextStaff] = new StaffMember(nextStaff, urn, $"Person {nextStaff}", null, role, null);
                    nextStaff++;
                }
            }
            return new SyntheticCluster(index / ClustersPerLeader, members.ToDictionary(m => m, m => $"School {m}"), staff);
        }).ToList();
        LeaderUnavailable = Enumerable.Range(0, Clusters.Count / ClustersPerLeader).Select(leader =>
            (IReadOnlySet<DateOnly>)Calendar.WorkingDays(Year.StartsOn, Year.EndsOn)
                .Where(d => d.DayOfWeek == DayOfWeek.Friday && (System.Globalization.ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)) + leader) % 6 == 0)
                .ToHashSet()).ToList();
    }

    public TermCalendar Calendar { get; }

    public IReadOnlyList<SyntheticCluster> Clusters { get; }

    public IReadOnlyList<IReadOnlySet<DateOnly>> LeaderUnavailable { get; }

    public PlanningRequest RequestFor(SyntheticCluster cluster, DateOnly today, IReadOnlySet<DateOnly> leaderBusy) =>
        new(new ReviewRuleData(Year, today, Calendar, new PeerReviewOptions(), cluster.Members, LeaderUnavailable[cluster.Leader], leaderBusy, cluster.Staff,
                new Dictionary<long, IReadOnlySet<DateOnly>>()),
            [.. cluster.Members.Keys], [], new HashSet<DateOnly>());
}

public sealed record SyntheticCluster(int Leader, IReadOnlyDictionary<string, string> Members, IReadOnlyDictionary<long, StaffMember> Staff);
