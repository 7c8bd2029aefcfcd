namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>A field of an object or interface type definition.</summary>
public sealed class FieldDefinitionNode : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.FieldDefinition;

    public StringValueNode? Description { get; init; }

    public required NameNode Name { get; init; }

    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; init; } = [];

    public required TypeNode Type { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}
