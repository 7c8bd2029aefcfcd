namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>An input object type definition (spec 3.10).</summary>
public sealed class InputObjectTypeDefinitionNode : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.InputObjectTypeDefinition;

    public override StringValueNode? Description { get; init; }

    public override required NameNode Name { get; init; }

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public IReadOnlyList<InputValueDefinitionNode> Fields { get; init; } = [];
}
