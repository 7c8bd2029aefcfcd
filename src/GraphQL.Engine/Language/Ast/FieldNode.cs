namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>A field selection with optional alias, arguments and sub-selections (spec 2.5).</summary>
public sealed class FieldNode : SelectionNode
{
    public override SyntaxKind Kind => SyntaxKind.Field;

    public NameNode? Alias { get; init; }

    public required NameNode Name { get; init; }

    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];

    public override IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public SelectionSetNode? SelectionSet { get; init; }
}
