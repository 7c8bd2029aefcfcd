namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>A type reference: named, list or non-null (spec 2.11).</summary>
public abstract class TypeNode : SyntaxNode
{
}
