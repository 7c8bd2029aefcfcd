namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>An object type (spec 3.6).</summary>
public sealed class ObjectType(string name, string? description = null) : ComplexType(name, description)
{
    public override TypeKind Kind => TypeKind.Object;

    /// <summary>Tells whether a runtime value is of this type, for resolving abstract types.</summary>
    public Func<object, bool>? IsTypeOf { get; internal set; }
}
