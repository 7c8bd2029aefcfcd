namespace InclusionNetwork.Silo.Database;

/// <summary>Start-up must stop: a <c>Database:*</c> setting is out of range.</summary>
public sealed class DatabaseConfigurationException(string message) : Exception(message);
