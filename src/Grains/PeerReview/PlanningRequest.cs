namespace InclusionNetwork.Grains.PeerReview;

/// <summary>
/// What the planner is asked: plan a visit for each of <paramref name="HostsToPlan"/>, around
/// the cycle's visits that stay as they are (<paramref name="FixedVisits"/>), clear of
/// <paramref name="AvoidDates"/>.
/// </summary>
public sealed record PlanningRequest(
    ReviewRuleData Data,
    IReadOnlyList<string> HostsToPlan,
    IReadOnlyList<FixedVisit> FixedVisits,
    IReadOnlySet<DateOnly> AvoidDates);

/// <summary>A visit of the cycle that is already confirmed (or later): its week is taken and its reviewers count towards fairness.</summary>
public sealed record FixedVisit(string HostUrn, DateOnly Date, IReadOnlyCollection<string> ReviewerSchoolUrns);

/// <summary>One visit of a plan: a date and the reviewers, by staff id.</summary>
public sealed record PlannedVisit(string HostUrn, DateOnly Date, IReadOnlyList<long> ReviewerStaffIds);
