namespace InclusionNetwork.Silo.Database;

/// <summary>
/// The database this process serves from, embedded or external, decided once at start-up.
/// The Orleans providers connect with the same string, so the cluster lives in the same
/// database as the data.
/// </summary>
public sealed record DatabaseConnection(string ConnectionString, bool Embedded);
