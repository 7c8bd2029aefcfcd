namespace InclusionNetwork.Grains.Calendars;

/// <summary>The people a review visit concerns: its host, its cluster and ILE, its reviewers and their schools.</summary>
public sealed record VisitParties(
    string HostUrn,
    long ClusterId,
    long? ClusterLeaderId,
    long? VisitLeaderId,
    IReadOnlyList<long> ReviewerStaffIds,
    IReadOnlyList<string> ReviewerSchools);
