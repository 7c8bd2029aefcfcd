namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>An <c>extend enum</c> extension.</summary>
public sealed class EnumTypeExtensionNode : TypeExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.EnumTypeExtension;

    public override required NameNode Name { get; init; }

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public IReadOnlyList<EnumValueDefinitionNode> Values { get; init; } = [];
}
