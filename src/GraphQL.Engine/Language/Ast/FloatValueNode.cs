namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>A float literal, kept as written.</summary>
public sealed class FloatValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.FloatValue;

    public required string Value { get; init; }
}
