using System.Reflection;

namespace InclusionNetwork.Runtime;

/// <summary>
/// Maps grain interfaces and grain type names to grain classes. Built once from the
/// <see cref="GrainRegistration"/>s in DI; refuses ambiguous or malformed registrations at
/// start-up rather than on some later call.
/// </summary>
public sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, GrainClassInfo> byInterface = [];
    private readonly Dictionary<string, GrainClassInfo> byGrainType = new(StringComparer.Ordinal);

    public GrainTypeRegistry(IEnumerable<GrainRegistration> registrations)
    {
        var byClass = new Dictionary<Type, GrainClassInfo>();
        foreach (var registration in registrations)
        {
            ValidateInterface(registration.InterfaceType);
            if (!registration.InterfaceType.IsAssignableFrom(registration.ClassType))
            {
                throw new ArgumentException($"{registration.ClassType.Name} does not implement {registration.InterfaceType.Name}.");
            }
            if (!byClass.TryGetValue(registration.ClassType, out var grainClass))
            {
                grainClass = new GrainClassInfo(registration.ClassType);
                byClass.Add(registration.ClassType, grainClass);
                if (!byGrainType.TryAdd(grainClass.GrainType, grainClass))
                {
                    throw new ArgumentException($"Grain classes {byGrainType[grainClass.GrainType].ClassType.FullName} and {registration.ClassType.FullName} share the grain type name '{grainClass.GrainType}'; give one a [GrainType] name.");
                }
            }
            if (byInterface.TryGetValue(registration.InterfaceType, out var existing) && existing != grainClass)
            {
                throw new ArgumentException($"{registration.InterfaceType.Name} is registered for both {existing.ClassType.Name} and {registration.ClassType.Name}.");
            }
            byInterface[registration.InterfaceType] = grainClass;
        }
    }

    internal GrainClassInfo ForInterface(Type interfaceType) =>
        byInterface.TryGetValue(interfaceType, out var grainClass)
            ? grainClass
            : throw new InvalidOperationException($"No grain class is registered for {interfaceType.Name}; call services.AddGrain<{interfaceType.Name}, ...>().");

    internal bool TryGetByGrainType(string grainType, out GrainClassInfo grainClass) =>
        byGrainType.TryGetValue(grainType, out grainClass!);

    /// <summary>Every method of a grain interface must return Task, Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt;.</summary>
    internal static void ValidateInterface(Type interfaceType)
    {
        if (!interfaceType.IsInterface || !typeof(IGrain).IsAssignableFrom(interfaceType))
        {
            throw new ArgumentException($"{interfaceType.Name} is not a grain interface (an interface deriving from IGrainWithStringKey, IGrainWithIntegerKey or IGrainWithGuidKey).");
        }
        foreach (var type in interfaceType.GetInterfaces().Append(interfaceType))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                if (ReturnShapes.Of(method.ReturnType) is null)
                {
                    throw new ArgumentException($"{type.Name}.{method.Name} returns {method.ReturnType.Name}; grain methods return Task, Task<T>, ValueTask or ValueTask<T>.");
                }
            }
        }
    }
}
