namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>An <c>extend interface</c> extension.</summary>
public sealed class InterfaceTypeExtensionNode : TypeExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.InterfaceTypeExtension;

    public override required NameNode Name { get; init; }

    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}
