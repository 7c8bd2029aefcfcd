namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>An <c>extend schema</c> extension (spec 3.3.2).</summary>
public sealed class SchemaExtensionNode : TypeSystemExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.SchemaExtension;

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; init; } = [];
}
