namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>A union type definition (spec 3.8).</summary>
public sealed class UnionTypeDefinitionNode : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.UnionTypeDefinition;

    public override StringValueNode? Description { get; init; }

    public override required NameNode Name { get; init; }

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public IReadOnlyList<NamedTypeNode> Types { get; init; } = [];
}
