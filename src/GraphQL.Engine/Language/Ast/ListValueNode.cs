namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>A list literal, <c>[a, b]</c>.</summary>
public sealed class ListValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.ListValue;

    public IReadOnlyList<ValueNode> Values { get; init; } = [];
}
