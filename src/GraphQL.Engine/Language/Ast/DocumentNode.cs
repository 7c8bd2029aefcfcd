namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>A whole document: executable definitions, type system definitions or both.</summary>
public sealed class DocumentNode : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.Document;

    public IReadOnlyList<DefinitionNode> Definitions { get; init; } = [];
}
