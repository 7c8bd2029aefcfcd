using System.Globalization;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Schools;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>
/// Plans a cluster's review cycle: a date and reviewers for every member school's visit at
/// once, by deterministic backtracking search.
///
/// Every plan satisfies <see cref="VisitRules"/> for every visit, keeps out of the avoided
/// dates, and puts no two visits of the cluster in the same week (ISO week, Monday to Sunday).
///
/// Fairness: each planned visit gets reviewers from exactly two schools, and the number of
/// visits each member school sends reviewers to (over the whole cycle, confirmed visits
/// included) must lie between floor(T/n) and ceil(T/n), where T is the number of
/// (school, visit) sendings and n the number of members: the spread max - min is at most 1.
/// For a cycle planned from scratch every school sends reviewers to exactly two visits.
/// Within a school, the planner picks the eligible person (SENCO, senior leader, head,
/// executive head, middle leader, in that order) with the fewest visits in the plan.
///
/// Search: variables are the hosts still to plan, chosen most-constrained first (fewest
/// dates left whose week is free); values are (date, two sending schools), dates ordered by
/// closeness to the host's evenly spaced target in the year (spreading visits out), school
/// pairs by fewest sendings so far. After each choice it checks that every school can still
/// reach its fair share. Before searching it proves the common impossibilities with reasons:
/// a school with no possible date (and which constraint took each one away), a group of
/// schools with fewer free weeks than visits, a school that cannot send its fair share.
/// Same input, same plan.
/// </summary>
public static class ReviewPlanner
{
    /// <summary>Roles the planner draws reviewers from, most suitable first.</summary>
    public static readonly IReadOnlyList<StaffRole> ReviewerRoles =
        [StaffRole.SENCO, StaffRole.SENIOR_LEADER, StaffRole.HEADTEACHER, StaffRole.EXECUTIVE_HEADTEACHER, StaffRole.MIDDLE_LEADER];

    public static PlanningOutcome Plan(PlanningRequest request)
    {
        var data = request.Data;
        var members = data.Members.Keys.Order(StringComparer.Ordinal).ToList();
        var hosts = request.HostsToPlan.Order(StringComparer.Ordinal).ToList();
        var perVisit = Math.Max(2, data.Options.ReviewersPerPlannedVisit);
        var pool = members.ToDictionary(m => m, m => data.Staff.Values
            .Where(s => s.SchoolUrn == m && ReviewerRoles.Contains(s.Role))
            .OrderBy(s => IndexOf(s.Role)).ThenBy(s => s.Id)
            .Select(s => s.Id).ToList());

        var sends = members.ToDictionary(m => m, _ => 0);
        var takenWeeks = new HashSet<DateOnly>();
        var totalSendings = hosts.Count * Math.Min(perVisit, members.Count - 1);
        foreach (var visit in request.FixedVisits)
        {
            takenWeeks.Add(WeekOf(visit.Date));
            foreach (var school in visit.ReviewerSchoolUrns.Distinct().Where(sends.ContainsKey))
            {
                sends[school]++;
                totalSendings++;
            }
        }
        if (hosts.Count == 0)
        {
            return new PlanningOutcome([], null, Spread(sends), 0);
        }
        var low = totalSendings / members.Count;
        var high = (totalSendings + members.Count - 1) / members.Count;
        if (sends.FirstOrDefault(s => s.Value > high) is { Key: not null } over)
        {
            return Fail($"{data.NameOf(over.Key)} already sends reviewers to {over.Value} confirmed visits, more than a fair share of {high}; move or cancel one of them first.");
        }

        // Domains: every date each host could have, with the schools able to send a reviewer that day.
        var domains = new Dictionary<string, List<Candidate>>();
        foreach (var host in hosts)
        {
            var (candidates, failure) = DomainOf(request, host, members, pool, takenWeeks, perVisit);
            if (failure is not null)
            {
                return Fail(failure);
            }
            domains[host] = candidates;
        }
        if (WeeksShortfall(data, hosts, domains) is { } weeksFailure)
        {
            return Fail(weeksFailure);
        }
        foreach (var school in members)
        {
            var opportunities = hosts.Count(h => h != school && domains[h].Any(c => c.Senders.Contains(school)));
            if (sends[school] + opportunities < low)
            {
                var why = pool[school].Count == 0
                    ? "it has no staff who can review (a SENCO, senior or middle leader or headteacher)"
                    : $"its reviewers are free for only {opportunities} of the visits to plan";
                return Fail($"Reviewing cannot be shared fairly: {data.NameOf(school)} should send reviewers to at least {low} visits, but {why}.");
            }
        }

        var search = new Search(data, hosts, domains, sends, takenWeeks, low, high, perVisit, data.Options.PlannerSearchLimit);
        var found = search.Run();
        if (!found)
        {
            var hardest = search.DeadEnds.OrderByDescending(d => d.Value).ThenBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Key).FirstOrDefault() ?? hosts[0];
            var reason = search.LimitReached
                ? $"the planner stopped after trying {search.Nodes.ToString("N0", CultureInfo.InvariantCulture)} assignments"
                : "every combination was tried";
            return new PlanningOutcome(null, NoPlan(
                $"No plan exists ({reason}): {data.NameOf(hardest)} cannot be given a week of its own with reviewers from two other schools " +
                $"while every school sends reviewers to {(low == high ? low.ToString(CultureInfo.InvariantCulture) : $"{low} or {high}")} visits. " +
                "Fewer avoided dates, closure days or ILE unavailable days would leave room."), 0, search.Nodes);
        }

        var visits = ChooseReviewers(data, search.Assignment, pool);
        return new PlanningOutcome(visits, null, Spread(search.Sends), search.Nodes);

        PlanningOutcome Fail(string message) => new(null, NoPlan(message), 0, 0);
    }

    public static DateOnly WeekOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static DomainError NoPlan(string message) => new(PeerReviewErrorCodes.NoPlan, message, ["input", "clusterId"]);

    private static int IndexOf(StaffRole role)
    {
        for (var i = 0; i < ReviewerRoles.Count; i++)
        {
            if (ReviewerRoles[i] == role)
            {
                return i;
            }
        }
        return ReviewerRoles.Count;
    }

    private static int Spread(IReadOnlyDictionary<string, int> sends) => sends.Count == 0 ? 0 : sends.Values.Max() - sends.Values.Min();

    private static (List<Candidate> Candidates, string? Failure) DomainOf(PlanningRequest request, string host, IReadOnlyList<string> members,
        IReadOnlyDictionary<string, List<long>> pool, IReadOnlySet<DateOnly> takenWeeks, int perVisit)
    {
        var data = request.Data;
        var candidates = new List<Candidate>();
        var removed = new SortedDictionary<int, (string Why, int Count)>();
        void Remove(int order, string why) => removed[order] = (why, removed.GetValueOrDefault(order).Count + 1);
        var considered = 0;
        for (var date = data.Year.StartsOn; date <= data.Year.EndsOn; date = date.AddDays(1))
        {
            if (!data.Calendar.IsWorkingDay(date, host))
            {
                continue;
            }
            considered++;
            if (VisitRules.CheckDate(data, host, date) is { } problem)
            {
                switch (problem.Code)
                {
                    case PeerReviewErrorCodes.TooSoon: Remove(0, "too soon (10 working days' notice)"); break;
                    case PeerReviewErrorCodes.LeaderUnavailable: Remove(2, "the ILE is unavailable"); break;
                    default: Remove(3, "the ILE is at a visit of another cluster"); break;
                }
                continue;
            }
            if (request.AvoidDates.Contains(date))
            {
                Remove(1, "in avoidDates");
                continue;
            }
            if (takenWeeks.Contains(WeekOf(date)))
            {
                Remove(4, "in the week of another confirmed visit of the cluster");
                continue;
            }
            var senders = members.Where(m => m != host
                    && !data.Calendar.IsClosureDay(date, m)
                    && pool[m].Any(id => !data.IsStaffBusy(id, date)))
                .ToList();
            if (senders.Count < perVisit)
            {
                Remove(5, "fewer than two other schools have a reviewer free");
                continue;
            }
            candidates.Add(new Candidate(date, WeekOf(date), senders));
        }
        if (candidates.Count > 0)
        {
            return (candidates, null);
        }
        var name = data.NameOf(host);
        if (considered == 0)
        {
            return ([], $"{name} has no working day in {data.Year}: no term dates are known for it.");
        }
        var last = removed.Last().Value.Why;
        var detail = string.Join("; ", removed.Values.Select(r => $"{r.Count} {r.Why}"));
        return ([], $"No date works for {name}: of its {considered} working days in {data.Year}, {detail}. The last constraint to rule out its dates: {last}.");
    }

    /// <summary>Hall's condition on weeks: every group of hosts needs at least as many free weeks as it has visits.</summary>
    private static string? WeeksShortfall(ReviewRuleData data, IReadOnlyList<string> hosts, IReadOnlyDictionary<string, List<Candidate>> domains)
    {
        if (hosts.Count > 12)
        {
            return null;
        }
        string? worst = null;
        var worstSize = int.MaxValue;
        for (var mask = 1; mask < 1 << hosts.Count; mask++)
        {
            var group = hosts.Where((_, i) => (mask & (1 << i)) != 0).ToList();
            var weeks = group.SelectMany(h => domains[h].Select(c => c.Week)).Distinct().Count();
            if (weeks < group.Count && group.Count < worstSize)
            {
                worstSize = group.Count;
                var names = group.Select(data.NameOf).ToList();
                worst = $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]} can only have visits in {weeks} different week{(weeks == 1 ? "" : "s")} between them, " +
                    "but no two visits of a cluster may share a week.";
            }
        }
        return worst;
    }

    private static List<PlannedVisit> ChooseReviewers(ReviewRuleData data, IReadOnlyDictionary<string, Choice> assignment, IReadOnlyDictionary<string, List<long>> pool)
    {
        var load = new Dictionary<long, int>();
        var visits = new List<PlannedVisit>();
        foreach (var (host, choice) in assignment.OrderBy(a => a.Value.Date).ThenBy(a => a.Key, StringComparer.Ordinal))
        {
            var reviewers = new List<long>();
            foreach (var school in choice.Senders)
            {
                var person = pool[school]
                    .Where(id => !data.IsStaffBusy(id, choice.Date))
                    .Select((id, order) => (id, order))
                    .OrderBy(p => load.GetValueOrDefault(p.id)).ThenBy(p => p.order)
                    .First().id;
                load[person] = load.GetValueOrDefault(person) + 1;
                reviewers.Add(person);
            }
            visits.Add(new PlannedVisit(host, choice.Date, reviewers));
        }
        return visits;
    }

    private sealed record Candidate(DateOnly Date, DateOnly Week, IReadOnlyList<string> Senders);

    private sealed record Choice(DateOnly Date, IReadOnlyList<string> Senders);

    private sealed class Search(
        ReviewRuleData data,
        IReadOnlyList<string> hosts,
        IReadOnlyDictionary<string, List<Candidate>> domains,
        Dictionary<string, int> sends,
        HashSet<DateOnly> takenWeeks,
        int low,
        int high,
        int perVisit,
        int limit)
    {
        private readonly Dictionary<string, Choice> assignment = [];
        private readonly Dictionary<string, List<Candidate>> ordered = OrderDomains(data, hosts, domains);

        public long Nodes { get; private set; }

        public bool LimitReached { get; private set; }

        public Dictionary<string, int> DeadEnds { get; } = [];

        public IReadOnlyDictionary<string, Choice> Assignment => assignment;

        public IReadOnlyDictionary<string, int> Sends => sends;

        public bool Run() => Step();

        private bool Step()
        {
            if (assignment.Count == hosts.Count)
            {
                return true;
            }
            string? next = null;
            var fewest = int.MaxValue;
            foreach (var host in hosts)
            {
                if (assignment.ContainsKey(host))
                {
                    continue;
                }
                var free = ordered[host].Count(c => !takenWeeks.Contains(c.Week));
                if (free < fewest)
                {
                    fewest = free;
                    next = host;
                }
            }
            var chosen = next!;
            foreach (var candidate in ordered[chosen])
            {
                if (takenWeeks.Contains(candidate.Week))
                {
                    continue;
                }
                var senders = candidate.Senders.Where(s => sends[s] < high).OrderBy(s => sends[s]).ThenBy(s => s, StringComparer.Ordinal).ToList();
                foreach (var group in Combinations(senders, perVisit))
                {
                    if (++Nodes > limit)
                    {
                        LimitReached = true;
                        return false;
                    }
                    foreach (var s in group)
                    {
                        sends[s]++;
                    }
                    takenWeeks.Add(candidate.Week);
                    assignment[chosen] = new Choice(candidate.Date, group);
                    if (FairShareStillReachable() && Step())
                    {
                        return true;
                    }
                    assignment.Remove(chosen);
                    takenWeeks.Remove(candidate.Week);
                    foreach (var s in group)
                    {
                        sends[s]--;
                    }
                    if (LimitReached)
                    {
                        return false;
                    }
                }
            }
            DeadEnds[chosen] = DeadEnds.GetValueOrDefault(chosen) + 1;
            return false;
        }

        private bool FairShareStillReachable()
        {
            foreach (var (school, count) in sends)
            {
                var open = hosts.Count(h => h != school && !assignment.ContainsKey(h));
                if (count + open < low)
                {
                    return false;
                }
            }
            return true;
        }

        private static IEnumerable<IReadOnlyList<string>> Combinations(IReadOnlyList<string> items, int size)
        {
            if (size == 2)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    for (var j = i + 1; j < items.Count; j++)
                    {
                        yield return [items[i], items[j]];
                    }
                }
                yield break;
            }
            var indices = Enumerable.Range(0, size).ToArray();
            if (items.Count < size)
            {
                yield break;
            }
            while (true)
            {
                yield return indices.Select(i => items[i]).ToList();
                var k = size - 1;
                while (k >= 0 && indices[k] == items.Count - size + k)
                {
                    k--;
                }
                if (k < 0)
                {
                    yield break;
                }
                indices[k]++;
                for (var j = k + 1; j < size; j++)
                {
                    indices[j] = indices[j - 1] + 1;
                }
            }
        }

        /// <summary>Each host's dates, nearest its evenly spaced target first, so the cluster's visits spread over the year.</summary>
        private static Dictionary<string, List<Candidate>> OrderDomains(ReviewRuleData data, IReadOnlyList<string> hosts, IReadOnlyDictionary<string, List<Candidate>> domains)
        {
            var first = domains.Values.Min(d => d[0].Date).DayNumber;
            var last = domains.Values.Max(d => d[^1].Date).DayNumber;
            var span = Math.Max(1, last - first);
            var result = new Dictionary<string, List<Candidate>>();
            for (var i = 0; i < hosts.Count; i++)
            {
                var target = first + (int)((i + 0.5) * span / hosts.Count);
                result[hosts[i]] = domains[hosts[i]].OrderBy(c => Math.Abs(c.Date.DayNumber - target)).ThenBy(c => c.Date).ToList();
            }
            return result;
        }
    }
}
