namespace InclusionNetwork.Grains.Schools;

/// <summary>A school or early-years setting, identified by its URN.</summary>
public sealed record School(string Urn, string Name, Phase Phase, SchoolType Type, string DistrictId, string? Postcode, bool Open);
