using InclusionNetwork.Grains.Courses;
using InclusionNetwork.Grains.PeerReview;

namespace InclusionNetwork.Grains.Uptake;

/// <summary>
/// One school's own figures for an academic year beside its district's and the county's
/// rates; the contract's <c>SchoolUptake</c>. The comparison rates are exactly
/// <see cref="TrainingUptake.EngagementRate"/> and <see cref="PeerReviewUptake.CoverageRate"/>
/// over every open school, so a school reads the same numbers a commissioner does.
/// </summary>
public sealed record SchoolUptake(
    string AcademicYear,
    int Bookings,
    int Completions,
    int StaffTrained,
    IReadOnlyList<LeadershipLevel> LeadershipLevelsCompleted,
    VisitStatus? ReviewStatus,
    int ActionsImplemented,
    int ActionsTotal,
    double? DistrictEngagementRate,
    double? CountyEngagementRate,
    double? DistrictCoverageRate,
    double? CountyCoverageRate);
