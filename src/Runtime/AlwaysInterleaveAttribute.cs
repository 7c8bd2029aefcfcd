namespace InclusionNetwork.Runtime;

/// <summary>
/// On a grain interface method: calls to it do not wait their turn; they start at once,
/// alongside whatever call is running. Unlike Orleans, interleaved calls run on the thread
/// pool in parallel with that call, so the method must only touch thread-safe state.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class AlwaysInterleaveAttribute : Attribute;
