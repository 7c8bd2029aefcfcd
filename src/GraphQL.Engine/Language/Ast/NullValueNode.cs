namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>The literal <c>null</c>.</summary>
public sealed class NullValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.NullValue;
}
