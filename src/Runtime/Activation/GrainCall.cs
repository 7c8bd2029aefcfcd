namespace InclusionNetwork.Runtime;

/// <summary>
/// A call on its way to a grain. It is its own completion source, so a call costs one
/// object (plus the argument array DispatchProxy hands over) on top of the caller's task.
/// </summary>
internal sealed class GrainCall<TResult>(MethodDispatcher<TResult> dispatcher, object?[] arguments, bool interleaves)
    : TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously), IGrainWorkItem
{
    public bool Interleaves => interleaves;

    public Task RunAsync(GrainActivation activation)
    {
        ValueTask<TResult> pending;
        try
        {
            pending = dispatcher.Invoke(activation.Grain, arguments);
        }
        catch (Exception exception)
        {
            // A synchronous throw from the grain method fails this call only.
            Complete(activation, exception);
            return System.Threading.Tasks.Task.CompletedTask;
        }
        if (pending.IsCompletedSuccessfully)
        {
            TrySetResult(pending.Result);
            return System.Threading.Tasks.Task.CompletedTask;
        }
        return AwaitAsync(pending, activation);
    }

    public void Fail(Exception exception) => TrySetException(exception);

    private async Task AwaitAsync(ValueTask<TResult> pending, GrainActivation activation)
    {
        try
        {
            TrySetResult(await pending.ConfigureAwait(false));
        }
        catch (Exception exception)
        {
            // The exception belongs to the caller; the activation keeps serving.
            Complete(activation, exception);
        }
    }

    private void Complete(GrainActivation activation, Exception exception)
    {
        if (exception is InconsistentStateException)
        {
            // The grain's state in memory is older than the database: drop this activation
            // so the next call reads fresh state.
            activation.RequestDeactivation(DeactivationReason.InconsistentState);
        }
        if (exception is OperationCanceledException canceled)
        {
            TrySetCanceled(canceled.CancellationToken);
        }
        else
        {
            TrySetException(exception);
        }
    }
}
