namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>An input value literal or variable (spec 2.9).</summary>
public abstract class ValueNode : SyntaxNode
{
}
