namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>A non-null type reference, <c>T!</c>.</summary>
public sealed class NonNullTypeNode : TypeNode
{
    public override SyntaxKind Kind => SyntaxKind.NonNullType;

    public required TypeNode Type { get; init; }
}
