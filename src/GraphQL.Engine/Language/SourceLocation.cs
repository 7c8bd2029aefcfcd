namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>A 1-based line and column, the shape of <c>locations</c> entries in GraphQL errors.</summary>
public readonly record struct SourceLocation(int Line, int Column)
{
    public override string ToString() => $"({Line}:{Column})";
}
