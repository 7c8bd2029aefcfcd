namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>A string or block string literal, escapes already resolved.</summary>
public sealed class StringValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.StringValue;

    public required string Value { get; init; }

    public bool Block { get; init; }
}
