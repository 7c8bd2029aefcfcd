using System.Reflection;

namespace InclusionNetwork.Runtime;

/// <summary>
/// A grain reference: a <see cref="DispatchProxy"/> implementing the grain interface, so
/// callers write <c>grain.IncrementAsync()</c> without a code generator. Each call looks up
/// the method's cached <see cref="MethodDispatcher"/> and queues it on the grain.
/// References compare equal when they address the same grain.
/// </summary>
public class GrainReferenceProxy : DispatchProxy
{
    private GrainRuntime? runtime;
    private GrainClassInfo? grainClass;

    public GrainId GrainId { get; private set; }

    internal static TGrain Create<TGrain>(GrainRuntime runtime, GrainId grainId, GrainClassInfo grainClass)
    {
        var reference = DispatchProxy.Create<TGrain, GrainReferenceProxy>();
        var proxy = (GrainReferenceProxy)(object)reference!;
        proxy.runtime = runtime;
        proxy.grainClass = grainClass;
        proxy.GrainId = grainId;
        return reference;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return MethodDispatcher.For(targetMethod).Send(runtime!, GrainId, grainClass!, args ?? []);
    }

    public override bool Equals(object? obj) => obj is GrainReferenceProxy other && other.GrainId == GrainId;

    public override int GetHashCode() => GrainId.GetHashCode();

    public override string ToString() => GrainId.ToString();
}
