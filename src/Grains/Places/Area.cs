namespace InclusionNetwork.Grains.Places;

/// <summary>One of the county's four areas.</summary>
public sealed record Area(string Id, string Name);
