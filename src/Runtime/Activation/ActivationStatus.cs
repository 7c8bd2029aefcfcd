namespace InclusionNetwork.Runtime;

/// <summary>Life of one activation. It only moves forward.</summary>
internal enum ActivationStatus
{
    /// <summary>Created in the directory; calls queue until the first one starts activation.</summary>
    Pending,
    Activating,
    Valid,
    /// <summary>Takes no new calls: callers install a successor activation instead.</summary>
    Deactivating,
    Deactivated,
}
