namespace InclusionNetwork.Runtime;

/// <summary>One grain interface served by one grain class, as registered with <c>AddGrain</c>.</summary>
public sealed record GrainRegistration(Type InterfaceType, Type ClassType);
