namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>A name: of a field, type, argument, directive, operation or fragment.</summary>
public sealed class NameNode : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.Name;

    public required string Value { get; init; }
}
