namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>
/// A completion that is still running. Completions return their value directly when it is
/// ready, so synchronous data costs no task; only truly asynchronous work is wrapped.
/// </summary>
internal sealed class Pending(Task<object?> task)
{
    public Task<object?> Task { get; } = task;
}
