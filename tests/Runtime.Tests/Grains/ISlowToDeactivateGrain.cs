namespace InclusionNetwork.Runtime.Tests;

public interface ISlowToDeactivateGrain : IGrainWithStringKey
{
    ValueTask<Guid> GetActivationIdAsync();

    /// <summary>Asks to be deactivated after this call; returns the activation that served it.</summary>
    Task<Guid> LeaveAsync();
}
