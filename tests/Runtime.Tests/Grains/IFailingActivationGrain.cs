namespace InclusionNetwork.Runtime.Tests;

public interface IFailingActivationGrain : IGrainWithStringKey
{
    /// <summary>Identifies the activation that served the call.</summary>
    Task<Guid> GetActivationIdAsync();
}
