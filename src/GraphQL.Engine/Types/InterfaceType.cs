namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>An interface type; it may itself implement interfaces (spec 3.7).</summary>
public sealed class InterfaceType(string name, string? description = null) : ComplexType(name, description)
{
    public override TypeKind Kind => TypeKind.Interface;

    public TypeResolver? ResolveType { get; internal set; }
}
