namespace InclusionNetwork.Runtime;

/// <summary>One call waiting in, or running on, an activation.</summary>
internal interface IGrainWorkItem
{
    /// <summary>True when the call may run alongside other calls (see <see cref="AlwaysInterleaveAttribute"/>).</summary>
    bool Interleaves { get; }

    /// <summary>Runs the call on the grain and completes the caller's task; never throws.</summary>
    Task RunAsync(GrainActivation activation);

    /// <summary>Completes the caller's task with an error without running the call.</summary>
    void Fail(Exception exception);
}
