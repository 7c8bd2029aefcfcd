namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>A top-level definition of a document.</summary>
public abstract class DefinitionNode : SyntaxNode
{
}
