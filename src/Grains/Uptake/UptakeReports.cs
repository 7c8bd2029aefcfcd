using System.Globalization;
using InclusionNetwork.Grains.Courses;

namespace InclusionNetwork.Grains.Uptake;

/// <summary>
/// Any measure as a table whose columns are the GraphQL fields of the same names, so the
/// CSV download and the API say the same thing in the same words (a leadership level's
/// figures are <c>levels.MIDDLE.schools</c> and so on). Evaluations without a breakdown are a
/// county figure, one row with no group column; with one they are <c>evaluationsBy</c>'s
/// groups, suppressed as there. Numbers are invariant-culture; rates are fractions written
/// with every digit needed to read them back exactly.
/// </summary>
public sealed class UptakeReports(
    PeerReviewUptakeQuery peerReview,
    LeadershipUptakeQuery leadership,
    TrainingUptakeQuery training,
    EvaluationSummaryQuery evaluations)
{
    private static readonly string[] EvaluationColumns =
        ["responses", "goodOrExcellentRate", "improvedKnowledgeRate", "improvedConfidenceRate", "followUps", "implementedRate", "suppressed"];

    /// <summary>The table of one measure; <paramref name="by"/> null means the county (and, for evaluations, no group column).</summary>
    public async Task<UptakeTable> TableAsync(UptakeMeasure measure, Breakdown? by, UptakePeriod period, CourseFilter filter,
        SchoolScope scope = SchoolScope.ALL, Func<string, bool>? showGroup = null, CancellationToken cancellationToken = default)
    {
        showGroup ??= _ => true;
        var groupBy = by ?? Breakdown.COUNTY;
        switch (measure)
        {
            case UptakeMeasure.PeerReview:
                return new UptakeTable(
                    ["group", "schools", "schoolsInCluster", "schoolsReviewed", "schoolsImplementingActions", "participationRate", "coverageRate",
                     "schoolsActivelyParticipating", "activeParticipationRate", "implementingRate"],
                    [.. (await peerReview.RunAsync(groupBy, period, scope, cancellationToken)).Where(r => showGroup(r.Group)).Select(r => Cells(r.Group, r.Schools,
                        r.SchoolsInCluster, r.SchoolsReviewed, r.SchoolsImplementingActions, r.ParticipationRate, r.CoverageRate,
                        r.SchoolsActivelyParticipating, r.ActiveParticipationRate, r.ImplementingRate))]);
            case UptakeMeasure.Leadership:
                var levels = Enum.GetNames<LeadershipLevel>();
                return new UptakeTable(
                    ["group", "schools", "schoolsWithSeniorAndMiddleLeader", "rate", .. levels.SelectMany(l => new[] { $"levels.{l}.schools", $"levels.{l}.rate" })],
                    [.. (await leadership.RunAsync(groupBy, period, scope, cancellationToken)).Where(r => showGroup(r.Group)).Select(r => Cells(
                        [r.Group, r.Schools, r.SchoolsWithSeniorAndMiddleLeader, r.Rate, .. r.Levels.SelectMany(l => new object?[] { l.Schools, l.Rate })]))]);
            case UptakeMeasure.Training:
                return new UptakeTable(
                    ["group", "schools", "schoolsEngaged", "bookings", "completions", "completionRate", "engagementRate"],
                    [.. (await training.RunAsync(groupBy, period, filter, scope, cancellationToken)).Where(r => showGroup(r.Group)).Select(r => Cells(r.Group, r.Schools,
                        r.SchoolsEngaged, r.Bookings, r.Completions, r.CompletionRate, r.EngagementRate))]);
            case UptakeMeasure.Evaluations when by is null && scope == SchoolScope.ALL:
                var e = await evaluations.RunAsync(period, filter, cancellationToken);
                return new UptakeTable(EvaluationColumns, [Summary(e)]);
            case UptakeMeasure.Evaluations:
                return new UptakeTable(
                    ["group", .. EvaluationColumns],
                    [.. (await evaluations.ByAsync(groupBy, period, filter, scope, cancellationToken)).Where(g => showGroup(g.Group))
                        .Select(g => (IReadOnlyList<string>)[g.Group, .. Summary(g.Summary)])]);
            default:
                throw new ArgumentOutOfRangeException(nameof(measure), measure, "Not an uptake measure.");
        }
    }

    private static string[] Summary(EvaluationSummary e) =>
        Cells(e.Responses, e.GoodOrExcellentRate, e.ImprovedKnowledgeRate, e.ImprovedConfidenceRate, e.FollowUps, e.ImplementedRate, e.Suppressed);

    private static string[] Cells(params object?[] values) => [.. values.Select(Cell)];

    private static string Cell(object? value) => value switch
    {
        null => "",
        string text => text,
        int number => number.ToString(CultureInfo.InvariantCulture),
        double rate => rate.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        _ => throw new ArgumentException($"No CSV form for {value.GetType().Name}.", nameof(value)),
    };
}
