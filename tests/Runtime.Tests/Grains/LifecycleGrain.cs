namespace InclusionNetwork.Runtime.Tests;

/// <summary>Reports its activations and deactivations to the probe.</summary>
public sealed class LifecycleGrain(GrainProbe probe) : Grain, ILifecycleGrain
{
    private readonly Guid activationId = Guid.NewGuid();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Record(GetPrimaryKeyString(), "activated", activationId.ToString());
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record(GetPrimaryKeyString(), "deactivated", reason.ToString());
        return Task.CompletedTask;
    }

    public ValueTask<Guid> GetActivationIdAsync() => ValueTask.FromResult(activationId);

    public async Task<Guid> WaitForGateThenDeactivateAsync()
    {
        await probe.WaitForGateAsync();
        DeactivateOnIdle();
        return activationId;
    }

    public async Task FailAsync(string message)
    {
        await Task.Yield();
        throw new InvalidOperationException(message);
    }

    public Task FailSynchronously(string message) => throw new ArgumentException(message);
}
