namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>A use of a variable, <c>$name</c>.</summary>
public sealed class VariableNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.Variable;

    public required NameNode Name { get; init; }
}
