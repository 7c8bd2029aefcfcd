namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>A named type extension; every kind has a name and directives.</summary>
public abstract class TypeExtensionNode : TypeSystemExtensionNode
{
    public abstract NameNode Name { get; init; }

    public abstract IReadOnlyList<DirectiveNode> Directives { get; init; }
}
