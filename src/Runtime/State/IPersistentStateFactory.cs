namespace InclusionNetwork.Runtime;

/// <summary>Creates named states, for a grain with more than one state of a type; call it in the grain's constructor.</summary>
public interface IPersistentStateFactory
{
    IPersistentState<TState> Create<TState>(IGrainContext context, string stateName)
        where TState : new();
}
