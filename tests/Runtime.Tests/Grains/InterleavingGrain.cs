namespace InclusionNetwork.Runtime.Tests;

public sealed class InterleavingGrain : Grain, IInterleavingGrain
{
    private readonly TaskCompletionSource opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WaitForOpeningAsync() => opened.Task;

    public ValueTask OpenAsync()
    {
        opened.TrySetResult();
        return ValueTask.CompletedTask;
    }
}
