namespace InclusionNetwork.Runtime.Tests;

/// <summary>Its deactivation holds until the probe's gate opens, like a grain saving state on the way out.</summary>
public sealed class SlowToDeactivateGrain(GrainProbe probe) : Grain, ISlowToDeactivateGrain
{
    private readonly Guid activationId = Guid.NewGuid();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Record(GetPrimaryKeyString(), "activated", activationId.ToString());
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record(GetPrimaryKeyString(), "deactivating", activationId.ToString());
        await probe.WaitForGateAsync();
        probe.Record(GetPrimaryKeyString(), "deactivated", activationId.ToString());
    }

    public ValueTask<Guid> GetActivationIdAsync() => ValueTask.FromResult(activationId);

    public Task<Guid> LeaveAsync()
    {
        DeactivateOnIdle();
        return Task.FromResult(activationId);
    }
}
