namespace InclusionNetwork.Grains.Schools;

/// <summary>Which schools a listing wants; every part combines with the others.</summary>
public sealed record SchoolFilter(
    bool IncludeClosed = false,
    string? DistrictId = null,
    string? AreaId = null,
    Phase? Phase = null,
    SchoolType? Type = null,
    string? Search = null);
