using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace InclusionNetwork.Runtime;

public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grain runtime: <see cref="IGrainFactory"/>, persistent state (JSON documents in
    /// <c>grain_state</c> unless a state type has its own store), durable reminders and their
    /// poller, and graceful deactivation on stop. The host registers the
    /// <see cref="Npgsql.NpgsqlDataSource"/> used for state and reminders, and may register a
    /// <see cref="TimeProvider"/> (the system clock otherwise).
    /// </summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, Action<GrainRuntimeOptions>? configure = null)
    {
        var options = services.AddOptions<GrainRuntimeOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GrainTypeRegistry>();
        services.TryAddSingleton<GrainRuntime>();
        services.TryAddSingleton<IGrainFactory>(provider => provider.GetRequiredService<GrainRuntime>());
        services.TryAddSingleton<IReminderRegistry, PostgresReminderRegistry>();
        services.TryAddSingleton<IPersistentStateFactory, PersistentStateFactory>();
        services.TryAdd(ServiceDescriptor.Transient(typeof(IPersistentState<>), typeof(PersistentState<>)));
        // Open generic: a closed IGrainStorage<TState> registration always wins over it.
        services.TryAdd(ServiceDescriptor.Singleton(typeof(IGrainStorage<>), typeof(PostgresJsonGrainStorage<>)));
        // Hosted services stop in reverse order: the poller stops delivering before grains deactivate.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, GrainRuntimeShutdown>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ReminderPoller>());
        return services;
    }

    /// <summary>Registers <typeparamref name="TGrain"/> as the implementation of <typeparamref name="TInterface"/>.</summary>
    public static IServiceCollection AddGrain<TInterface, TGrain>(this IServiceCollection services)
        where TInterface : IGrain
        where TGrain : Grain, TInterface
    {
        GrainTypeRegistry.ValidateInterface(typeof(TInterface));
        services.AddSingleton(new GrainRegistration(typeof(TInterface), typeof(TGrain)));
        return services;
    }

    /// <summary>
    /// Registers every concrete <see cref="Grain"/> class in <paramref name="assembly"/> for each
    /// grain interface it implements (other than <see cref="IRemindable"/>).
    /// </summary>
    public static IServiceCollection AddGrainsFromAssembly(this IServiceCollection services, Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        {
            if (type.IsAbstract || !type.IsClass || !typeof(Grain).IsAssignableFrom(type))
            {
                continue;
            }
            foreach (var grainInterface in type.GetInterfaces())
            {
                if (IsAddressableGrainInterface(grainInterface))
                {
                    GrainTypeRegistry.ValidateInterface(grainInterface);
                    services.AddSingleton(new GrainRegistration(grainInterface, type));
                }
            }
        }
        return services;
    }

    /// <summary>Stores states of type <typeparamref name="TState"/> with <typeparamref name="TStorage"/> (a domain store) instead of as JSON documents.</summary>
    public static IServiceCollection AddGrainStorage<TState, TStorage>(this IServiceCollection services)
        where TStorage : class, IGrainStorage<TState>
    {
        services.AddSingleton<IGrainStorage<TState>, TStorage>();
        return services;
    }

    private static bool IsAddressableGrainInterface(Type type) =>
        typeof(IGrain).IsAssignableFrom(type)
        && type != typeof(IGrain)
        && type != typeof(IRemindable)
        && type != typeof(IGrainWithStringKey)
        && type != typeof(IGrainWithIntegerKey)
        && type != typeof(IGrainWithGuidKey);
}
