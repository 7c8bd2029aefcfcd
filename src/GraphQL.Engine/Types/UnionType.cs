namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>A union of object types (spec 3.8).</summary>
public sealed class UnionType(string name, string? description = null) : NamedType(name, description)
{
    public override TypeKind Kind => TypeKind.Union;

    public IReadOnlyList<ObjectType> Types => TypeList;

    internal List<ObjectType> TypeList { get; } = [];

    public TypeResolver? ResolveType { get; internal set; }
}
