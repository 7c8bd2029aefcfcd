namespace InclusionNetwork.Grains.Uptake;

/// <summary>
/// Small-number suppression of evaluation groups, as official statistics do it. Primary: a
/// group with fewer than <see cref="EvaluationSummary.MinimumResponses"/> responses is
/// suppressed. Secondary: the groups of a breakdown add up to the county total (published by
/// <c>evaluations</c> and by the COUNTY breakdown), and a district's area total is published
/// by the AREA breakdown; so within the whole set and within each area's districts, whenever
/// the suppressed groups holding answers are exactly one, or together hold fewer than the
/// minimum responses, the total minus the published groups would give them away, and the
/// next smallest group holding answers (fewest responses, then fewest follow-ups, then the
/// last in order) is suppressed too, until no set gives anything away.
/// </summary>
public static class EvaluationSuppression
{
    public static IReadOnlyList<EvaluationGroup> Apply(IReadOnlyList<EvaluationGroup> groups)
    {
        var withheld = groups.Select(g => g.Summary.Suppressed).ToArray();
        // The sets whose total is published: every group, and the districts of each area.
        var sets = new List<int[]> { Enumerable.Range(0, groups.Count).ToArray() };
        sets.AddRange(groups.Select((g, i) => (g.Parent, i)).Where(x => x.Parent is not null)
            .GroupBy(x => x.Parent).Select(s => s.Select(x => x.i).ToArray()));
        bool changed;
        do
        {
            changed = false;
            foreach (var set in sets)
            {
                var hidden = set.Where(i => withheld[i] && groups[i].Summary.HasAnswers).ToArray();
                var hiddenResponses = hidden.Sum(i => groups[i].Summary.Responses);
                var givesAway = hidden.Length == 1 || (hidden.Length > 1 && hiddenResponses < EvaluationSummary.MinimumResponses);
                if (!givesAway)
                {
                    continue;
                }
                var next = set.Where(i => !withheld[i] && groups[i].Summary.HasAnswers)
                    .OrderBy(i => groups[i].Summary.Responses).ThenBy(i => groups[i].Summary.FollowUps).ThenByDescending(i => i)
                    .Cast<int?>().FirstOrDefault();
                if (next is { } n)
                {
                    withheld[n] = true;
                    changed = true;
                }
            }
        }
        while (changed);
        return [.. groups.Select((g, i) => withheld[i] && !g.Summary.Suppressed ? g with { Summary = g.Summary with { Withheld = true } } : g)];
    }
}
