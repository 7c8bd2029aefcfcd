using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Orleans;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>One review visit, keyed by its id: its whole life, from confirmation to follow-up, happens here.</summary>
public interface IReviewVisitGrain : IGrainWithIntegerKey
{
    /// <summary>Sets (or moves) the date and reviewers, re-checking every rule; the visit becomes CONFIRMED.</summary>
    Task<CommandResult<ReviewVisit>> ScheduleAsync(Viewer viewer, DateOnly date, IReadOnlyList<long> reviewerStaffIds, IReadOnlyList<FrameworkArea>? focusAreas);

    Task<CommandResult<ReviewVisit>> SubmitSelfEvaluationAsync(Viewer viewer, string summary, IReadOnlyList<FrameworkArea> focusAreas);

    Task<CommandResult<ReviewVisit>> CompleteAsync(Viewer viewer);

    Task<CommandResult<ReviewVisit>> SubmitReportAsync(Viewer viewer, string strengths, string areasForDevelopment, IReadOnlyList<NewReviewAction> actions);

    Task<CommandResult<ReviewAction>> UpdateActionAsync(Viewer viewer, long actionId, ActionStatus status);

    Task<CommandResult<ReviewVisit>> SubmitImpactReviewAsync(Viewer viewer, string summary);

    Task<CommandResult<ReviewVisit>> CancelAsync(Viewer viewer);

    /// <summary>
    /// Raises the notifications due by today (self-evaluation due, impact review due) and drops
    /// the reminders nothing is pending for: what the visit's reminders do on each tick.
    /// </summary>
    Task SettleDueAsync();
}
