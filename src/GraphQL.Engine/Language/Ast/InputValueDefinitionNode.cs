namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>An argument definition or input object field definition.</summary>
public sealed class InputValueDefinitionNode : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.InputValueDefinition;

    public StringValueNode? Description { get; init; }

    public required NameNode Name { get; init; }

    public required TypeNode Type { get; init; }

    public ValueNode? DefaultValue { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}
