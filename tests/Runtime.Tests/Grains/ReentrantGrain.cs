namespace InclusionNetwork.Runtime.Tests;

[Reentrant]
public sealed class ReentrantGrain(GrainProbe probe) : Grain, IReentrantGrain
{
    // Thread-safe, as a reentrant grain's state must be: calls run side by side on the pool.
    private readonly TaskCompletionSource opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WaitForOpeningAsync()
    {
        probe.Record(GetPrimaryKeyString(), "waiting");
        return opened.Task;
    }

    public Task OpenAsync()
    {
        opened.TrySetResult();
        return Task.CompletedTask;
    }
}
