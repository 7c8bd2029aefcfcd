namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>The literal <c>true</c> or <c>false</c>.</summary>
public sealed class BooleanValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.BooleanValue;

    public bool Value { get; init; }
}
