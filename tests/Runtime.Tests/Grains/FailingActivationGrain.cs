namespace InclusionNetwork.Runtime.Tests;

/// <summary>
/// Its first activation per key waits for the probe's gate and then throws, so a test can
/// queue calls behind an activation that is known to fail; later activations succeed.
/// </summary>
public sealed class FailingActivationGrain(GrainProbe probe) : Grain, IFailingActivationGrain
{
    public const string FailureMessage = "the first activation of this key fails";

    private readonly Guid activationId = Guid.NewGuid();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The probe is per silo and one key has one activation at a time, so counting this
        // key's earlier attempts tells the first activation from the ones after it.
        var isFirst = probe.EventsOf(GetPrimaryKeyString(), "activating").Count == 0;
        probe.Record(GetPrimaryKeyString(), "activating", activationId.ToString());
        if (isFirst)
        {
            await probe.WaitForGateAsync();
            throw new InvalidOperationException(FailureMessage);
        }
    }

    public Task<Guid> GetActivationIdAsync() => Task.FromResult(activationId);
}
