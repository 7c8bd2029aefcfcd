namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>A directive applied to a location, <c>@name(args)</c> (spec 2.12).</summary>
public sealed class DirectiveNode : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.Directive;

    public required NameNode Name { get; init; }

    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];
}
