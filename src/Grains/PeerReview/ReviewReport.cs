namespace InclusionNetwork.Grains.PeerReview;

/// <summary>The report and action plan agreed after a visit.</summary>
public sealed record ReviewReport(long VisitId, string Strengths, string AreasForDevelopment, DateTimeOffset SubmittedAt);
