namespace InclusionNetwork.Runtime;

/// <summary>One delivery of a reminder: when it was due, its period (null if one-shot), and when it was delivered.</summary>
public readonly record struct TickStatus(DateTimeOffset DueAt, TimeSpan? Period, DateTimeOffset CurrentTickTime);
