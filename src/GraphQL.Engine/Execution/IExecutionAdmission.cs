namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>
/// A host's say over when an operation runs, given the cost the limits analysis estimated for
/// it: for instance, letting only a few costly operations run at once so cheap ones never wait
/// behind them. Called after validation and the limits check, before any resolver.
/// </summary>
public interface IExecutionAdmission
{
    /// <summary>
    /// Completes when the operation may run, with a lease the executor disposes when the
    /// operation has finished; or with null when it may not run now (the request then fails
    /// with <see cref="ErrorCodes.ServerBusy"/>). Throws <see cref="OperationCanceledException"/>
    /// when the request is abandoned while waiting.
    /// </summary>
    ValueTask<IDisposable?> AdmitAsync(long estimatedCost, CancellationToken cancellationToken);
}
