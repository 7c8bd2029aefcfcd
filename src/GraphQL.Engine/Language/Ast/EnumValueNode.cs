namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>An enum value literal (a name that is not true, false or null).</summary>
public sealed class EnumValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.EnumValue;

    public required string Value { get; init; }
}
