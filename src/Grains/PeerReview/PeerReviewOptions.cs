namespace InclusionNetwork.Grains.PeerReview;

/// <summary>The peer-review timings the issue calls configurable (section <c>PeerReview</c>).</summary>
public sealed class PeerReviewOptions
{
    /// <summary>A visit is confirmed at least this many of the host's working days ahead.</summary>
    public int MinimumNoticeWorkingDays { get; set; } = 10;

    /// <summary>The self-evaluation is due this many of the host's working days before the visit.</summary>
    public int SelfEvaluationWorkingDaysBefore { get; set; } = 5;

    /// <summary>The host and the ILE are reminded of the self-evaluation this many of the host's working days before it is due.</summary>
    public int SelfEvaluationReminderWorkingDays { get; set; } = 5;

    /// <summary>The impact review is due this many weeks after the report.</summary>
    public int ImpactReviewWeeksAfterReport { get; set; } = 12;

    /// <summary>How many reviewers the planner puts on each visit (the rules ask for at least two).</summary>
    public int ReviewersPerPlannedVisit { get; set; } = 2;

    /// <summary>The planner's search gives up (and says so) after this many tried assignments.</summary>
    public int PlannerSearchLimit { get; set; } = 200_000;
}
