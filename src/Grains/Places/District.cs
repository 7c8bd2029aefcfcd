namespace InclusionNetwork.Grains.Places;

/// <summary>One of the county's twelve districts, in its area.</summary>
public sealed record District(string Id, string Name, string AreaId);
