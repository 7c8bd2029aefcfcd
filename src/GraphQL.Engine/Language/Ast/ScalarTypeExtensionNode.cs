namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>An <c>extend scalar</c> extension.</summary>
public sealed class ScalarTypeExtensionNode : TypeExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.ScalarTypeExtension;

    public override required NameNode Name { get; init; }

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}
