namespace InclusionNetwork.Silo.Database;

/// <summary>The private PostgreSQL could not be found, created or started; the message says why.</summary>
public sealed class EmbeddedPostgresException(string message) : Exception(message);
