namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>An enum type definition (spec 3.9).</summary>
public sealed class EnumTypeDefinitionNode : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.EnumTypeDefinition;

    public override StringValueNode? Description { get; init; }

    public override required NameNode Name { get; init; }

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public IReadOnlyList<EnumValueDefinitionNode> Values { get; init; } = [];
}
