namespace InclusionNetwork.Silo;

/// <summary>A setting the Silo cannot start with; the message names the key and what is wrong with it.</summary>
public sealed class StartupConfigurationException(string message) : Exception(message);
