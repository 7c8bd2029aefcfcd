namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>An input object literal, <c>{a: 1}</c>.</summary>
public sealed class ObjectValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.ObjectValue;

    public IReadOnlyList<ObjectFieldNode> Fields { get; init; } = [];
}
