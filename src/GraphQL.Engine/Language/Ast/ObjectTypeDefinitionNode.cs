namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>An object type definition (spec 3.6).</summary>
public sealed class ObjectTypeDefinitionNode : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.ObjectTypeDefinition;

    public override StringValueNode? Description { get; init; }

    public override required NameNode Name { get; init; }

    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}
