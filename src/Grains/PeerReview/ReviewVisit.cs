using InclusionNetwork.Grains.Common;
using Orleans;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>One visit of a cycle, hosted by a member school, with its reviewers (staff ids).</summary>
[GenerateSerializer, Immutable]
public sealed record ReviewVisit(
    long Id,
    long CycleId,
    long ClusterId,
    string AcademicYear,
    string HostUrn,
    VisitStatus Status,
    DateOnly? Date,
    IReadOnlyList<long> ReviewerStaffIds,
    IReadOnlyList<string> ReviewerSchoolUrns,
    IReadOnlyList<FrameworkArea> FocusAreas,
    DateOnly? SelfEvaluationDue,
    DateTimeOffset? SelfEvaluationSubmittedAt,
    DateOnly? ImpactReviewDue,
    int Sequence,
    int Version)
{
    /// <summary>Funded release time: one day per reviewer per visit.</summary>
    public double ReleaseDays => ReviewerStaffIds.Count;
}
