namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>A variable declared by an operation, with its type and default (spec 2.10).</summary>
public sealed class VariableDefinitionNode : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.VariableDefinition;

    public required VariableNode Variable { get; init; }

    public required TypeNode Type { get; init; }

    public ValueNode? DefaultValue { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}
