namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>The selections between braces (spec 2.4).</summary>
public sealed class SelectionSetNode : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.SelectionSet;

    public IReadOnlyList<SelectionNode> Selections { get; init; } = [];
}
