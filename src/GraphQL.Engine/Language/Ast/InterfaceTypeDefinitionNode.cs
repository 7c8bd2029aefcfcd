namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>An interface type definition (spec 3.7).</summary>
public sealed class InterfaceTypeDefinitionNode : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.InterfaceTypeDefinition;

    public override StringValueNode? Description { get; init; }

    public override required NameNode Name { get; init; }

    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}
