namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>An argument given to a field or directive (spec 2.6).</summary>
public sealed class ArgumentNode : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.Argument;

    public required NameNode Name { get; init; }

    public required ValueNode Value { get; init; }
}
