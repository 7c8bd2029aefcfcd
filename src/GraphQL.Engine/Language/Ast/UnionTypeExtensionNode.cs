namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>An <c>extend union</c> extension.</summary>
public sealed class UnionTypeExtensionNode : TypeExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.UnionTypeExtension;

    public override required NameNode Name { get; init; }

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public IReadOnlyList<NamedTypeNode> Types { get; init; } = [];
}
