namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>An integer literal, kept as written so no precision is lost before coercion.</summary>
public sealed class IntValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.IntValue;

    public required string Value { get; init; }
}
