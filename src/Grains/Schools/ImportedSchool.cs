namespace InclusionNetwork.Grains.Schools;

/// <summary>A row of the establishment extract, mapped and ready to write.</summary>
public sealed record ImportedSchool(
    string Urn,
    string Name,
    Phase Phase,
    SchoolType Type,
    string DistrictId,
    string? Postcode,
    bool Open,
    string GiasType,
    string GiasPhase,
    string GiasStatus);
