namespace InclusionNetwork.Runtime;

/// <summary>A registered reminder as stored: next due time and period (null if one-shot).</summary>
public sealed record GrainReminder(GrainId GrainId, string Name, DateTimeOffset DueAt, TimeSpan? Period);
