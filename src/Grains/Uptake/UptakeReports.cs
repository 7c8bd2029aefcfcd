using System.Globalization;

namespace InclusionNetwork.Grains.Uptake;

/// <summary>
/// Any measure as a table whose columns are the GraphQL fields of the same names, so the
/// CSV download and the API say the same thing in the same words. Evaluations are a county
/// figure, one row with no group column. Numbers are invariant-culture; rates are fractions
/// written with every digit needed to read them back exactly.
/// </summary>
public sealed class UptakeReports(
    PeerReviewUptakeQuery peerReview,
    LeadershipUptakeQuery leadership,
    TrainingUptakeQuery training,
    EvaluationSummaryQuery evaluations)
{
    public async Task<UptakeTable> TableAsync(UptakeMeasure measure, Breakdown by, UptakePeriod period, CourseFilter filter, CancellationToken cancellationToken = default)
    {
        switch (measure)
        {
            case UptakeMeasure.PeerReview:
                return new UptakeTable(
                    ["group", "schools", "schoolsInCluster", "schoolsReviewed", "schoolsImplementingActions", "participationRate", "coverageRate"],
                    [.. (await peerReview.RunAsync(by, period, cancellationToken)).Select(r => Cells(r.Group, r.Schools, r.SchoolsInCluster,
                        r.SchoolsReviewed, r.SchoolsImplementingActions, r.ParticipationRate, r.CoverageRate))]);
            case UptakeMeasure.Leadership:
                return new UptakeTable(
                    ["group", "schools", "schoolsWithSeniorAndMiddleLeader", "rate"],
                    [.. (await leadership.RunAsync(by, period, cancellationToken)).Select(r => Cells(r.Group, r.Schools, r.SchoolsWithSeniorAndMiddleLeader, r.Rate))]);
            case UptakeMeasure.Training:
                return new UptakeTable(
                    ["group", "schools", "schoolsEngaged", "bookings", "completions", "completionRate", "engagementRate"],
                    [.. (await training.RunAsync(by, period, filter, cancellationToken)).Select(r => Cells(r.Group, r.Schools, r.SchoolsEngaged,
                        r.Bookings, r.Completions, r.CompletionRate, r.EngagementRate))]);
            case UptakeMeasure.Evaluations:
                var e = await evaluations.RunAsync(period, filter, cancellationToken);
                return new UptakeTable(
                    ["responses", "goodOrExcellentRate", "improvedKnowledgeRate", "improvedConfidenceRate", "followUps", "implementedRate", "suppressed"],
                    [Cells(e.Responses, e.GoodOrExcellentRate, e.ImprovedKnowledgeRate, e.ImprovedConfidenceRate, e.FollowUps, e.ImplementedRate, e.Suppressed)]);
            default:
                throw new ArgumentOutOfRangeException(nameof(measure), measure, "Not an uptake measure.");
        }
    }

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
