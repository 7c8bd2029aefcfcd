namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>A named type definition; every kind has a name, description and directives.</summary>
public abstract class TypeDefinitionNode : TypeSystemDefinitionNode
{
    public abstract StringValueNode? Description { get; init; }

    public abstract NameNode Name { get; init; }

    public abstract IReadOnlyList<DirectiveNode> Directives { get; init; }
}
