namespace InclusionNetwork.Runtime.Tests;

public interface ILifecycleGrain : IGrainWithStringKey
{
    /// <summary>Identifies the activation that served the call.</summary>
    ValueTask<Guid> GetActivationIdAsync();

    /// <summary>Waits for the probe's gate, then asks to be deactivated after this call.</summary>
    Task<Guid> WaitForGateThenDeactivateAsync();

    Task FailAsync(string message);

    Task FailSynchronously(string message);
}
