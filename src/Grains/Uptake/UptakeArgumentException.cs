namespace InclusionNetwork.Grains.Uptake;

/// <summary>A report was asked for with an argument it cannot use (a malformed year, say); the message says which and why.</summary>
public sealed class UptakeArgumentException(string message) : Exception(message);
