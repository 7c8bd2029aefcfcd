namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>A reference to a named type.</summary>
public sealed class NamedTypeNode : TypeNode
{
    public override SyntaxKind Kind => SyntaxKind.NamedType;

    public required NameNode Name { get; init; }
}
