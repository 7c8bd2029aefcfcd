using Microsoft.Extensions.DependencyInjection;

namespace InclusionNetwork.Runtime;

internal sealed class PersistentStateFactory(IServiceProvider services) : IPersistentStateFactory
{
    public IPersistentState<TState> Create<TState>(IGrainContext context, string stateName)
        where TState : new()
    {
        var activation = context as GrainActivation
            ?? throw new ArgumentException("Not a grain context from this runtime.", nameof(context));
        return new PersistentState<TState>(services.GetRequiredService<IGrainStorage<TState>>(), activation, stateName);
    }
}
