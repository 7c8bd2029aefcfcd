using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionNetwork.Runtime;

/// <summary>What the runtime needs to know about one grain class, worked out once at start-up.</summary>
public sealed class GrainClassInfo
{
    internal GrainClassInfo(Type classType)
    {
        if (!typeof(Grain).IsAssignableFrom(classType) || classType.IsAbstract)
        {
            throw new ArgumentException($"{classType.Name} must be a concrete class deriving from Grain.", nameof(classType));
        }
        ClassType = classType;
        GrainType = classType.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? classType.Name;
        IsReentrant = classType.IsDefined(typeof(ReentrantAttribute), inherit: false);
        Factory = ActivatorUtilities.CreateFactory(classType, Type.EmptyTypes);
    }

    public Type ClassType { get; }

    /// <summary>The type part of <see cref="GrainId"/>.</summary>
    public string GrainType { get; }

    public bool IsReentrant { get; }

    internal ObjectFactory Factory { get; }
}
