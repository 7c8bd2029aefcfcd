namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>An <c>extend input</c> extension.</summary>
public sealed class InputObjectTypeExtensionNode : TypeExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.InputObjectTypeExtension;

    public override required NameNode Name { get; init; }

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public IReadOnlyList<InputValueDefinitionNode> Fields { get; init; } = [];
}
