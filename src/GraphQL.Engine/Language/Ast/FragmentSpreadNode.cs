namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>A named fragment spread, <c>...Name</c> (spec 2.8).</summary>
public sealed class FragmentSpreadNode : SelectionNode
{
    public override SyntaxKind Kind => SyntaxKind.FragmentSpread;

    public required NameNode Name { get; init; }

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}
