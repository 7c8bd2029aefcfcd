namespace InclusionNetwork.Grains.Schools;

/// <summary>What an import changed: new schools, schools whose details changed, and the rest.</summary>
public sealed record SchoolImportResult(int Inserted, int Updated, int Unchanged);
