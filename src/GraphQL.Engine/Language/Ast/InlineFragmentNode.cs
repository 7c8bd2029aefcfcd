namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>An inline fragment, optionally with a type condition (spec 2.8.2).</summary>
public sealed class InlineFragmentNode : SelectionNode
{
    public override SyntaxKind Kind => SyntaxKind.InlineFragment;

    public NamedTypeNode? TypeCondition { get; init; }

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public required SelectionSetNode SelectionSet { get; init; }
}
