namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>One field of an input object literal.</summary>
public sealed class ObjectFieldNode : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.ObjectField;

    public required NameNode Name { get; init; }

    public required ValueNode Value { get; init; }
}
