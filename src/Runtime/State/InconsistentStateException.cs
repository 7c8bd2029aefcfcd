namespace InclusionNetwork.Runtime;

/// <summary>
/// A write was based on an old version of a grain's state: another activation (usually in
/// another silo) wrote it first. Nothing was written. The runtime drops the activation that
/// saw this, so the grain's next call reads the current state.
/// </summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException(GrainId grainId, string stateName, long expectedVersion, long actualVersion)
        : base($"State '{stateName}' of grain {grainId} is at version {actualVersion}, not the expected {expectedVersion}: another writer got there first, so nothing was written.")
    {
        GrainId = grainId;
        StateName = stateName;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    public GrainId GrainId { get; }

    public string StateName { get; }

    public long ExpectedVersion { get; }

    /// <summary>The version found in storage when the write failed (0 if there was no row).</summary>
    public long ActualVersion { get; }
}
