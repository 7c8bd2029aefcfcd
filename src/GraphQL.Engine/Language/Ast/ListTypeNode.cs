namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>A list type reference, <c>[T]</c>.</summary>
public sealed class ListTypeNode : TypeNode
{
    public override SyntaxKind Kind => SyntaxKind.ListType;

    public required TypeNode Type { get; init; }
}
