namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>
/// Base of every syntax tree node. Nodes are immutable; <see cref="Location"/> is where
/// the node's first token starts and its last token ends.
/// </summary>
public abstract class SyntaxNode
{
    public abstract SyntaxKind Kind { get; }

    public Location Location { get; init; }

    /// <summary>The node printed back as GraphQL text.</summary>
    public override string ToString() => Printer.Print(this);
}
