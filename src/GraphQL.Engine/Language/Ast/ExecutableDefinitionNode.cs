namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>An operation or fragment definition: what a request executes.</summary>
public abstract class ExecutableDefinitionNode : DefinitionNode
{
}
