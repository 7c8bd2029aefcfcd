using System.Reflection;

namespace InclusionNetwork.Silo.Cluster;

/// <summary>Tells the product's own grain calls from Orleans' system calls, for the call filters.</summary>
public static class ApplicationGrainCalls
{
    public static bool IsApplicationCall(MethodInfo? interfaceMethod) =>
        interfaceMethod?.DeclaringType?.Namespace?.StartsWith("InclusionNetwork", StringComparison.Ordinal) == true;
}
