namespace InclusionNetwork.Grains.PeerReview;

/// <summary>Stable codes of the peer-review rules. Add codes; never rename or reuse one.</summary>
public static class PeerReviewErrorCodes
{
    public const string ClusterFull = "CLUSTER_FULL";
    public const string ClusterTooSmall = "CLUSTER_TOO_SMALL";
    public const string SchoolInOtherCluster = "SCHOOL_IN_OTHER_CLUSTER";
    public const string LeaderAtCapacity = "LEADER_AT_CAPACITY";
    public const string LeaderRetired = "LEADER_RETIRED";
    public const string ClusterNotActive = "CLUSTER_NOT_ACTIVE";
    public const string MemberHasVisit = "MEMBER_HAS_VISIT";
    public const string NotWorkingDay = "NOT_WORKING_DAY";
    public const string TooSoon = "TOO_SOON";
    public const string OutsideAcademicYear = "OUTSIDE_ACADEMIC_YEAR";
    public const string TooFewReviewers = "TOO_FEW_REVIEWERS";
    public const string ReviewerNotEligible = "REVIEWER_NOT_ELIGIBLE";
    public const string ReviewersFromOneSchool = "REVIEWERS_FROM_ONE_SCHOOL";
    public const string ReviewerUnavailable = "REVIEWER_UNAVAILABLE";
    public const string LeaderUnavailable = "LEADER_UNAVAILABLE";
    public const string NoPlan = "NO_PLAN";
    public const string TermDatesMissing = "TERM_DATES_MISSING";
    public const string WrongStatus = "WRONG_STATUS";
    public const string SelfEvaluationMissing = "SELF_EVALUATION_MISSING";
    public const string SelfEvaluationClosed = "SELF_EVALUATION_CLOSED";
    public const string VisitNotHeldYet = "VISIT_NOT_HELD_YET";
    public const string AcademicYearNotOpen = "ACADEMIC_YEAR_NOT_OPEN";
}
