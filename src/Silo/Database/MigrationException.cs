namespace InclusionNetwork.Silo.Database;

/// <summary>Start-up must stop: a migration is missing, misnamed, failed, or was edited after it was applied.</summary>
public sealed class MigrationException(string message, Exception? inner = null) : Exception(message, inner);
