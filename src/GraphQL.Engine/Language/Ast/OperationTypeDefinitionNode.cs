namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>One root operation type in a schema definition or extension.</summary>
public sealed class OperationTypeDefinitionNode : SyntaxNode
{
    public override SyntaxKind Kind => SyntaxKind.OperationTypeDefinition;

    public OperationType Operation { get; init; }

    public required NamedTypeNode Type { get; init; }
}
