namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>
/// Where a token or node sits in the source text: character offsets (end exclusive) and the
/// 1-based line and column of its first character, as graphql-js reports them.
/// </summary>
public readonly record struct Location(int Start, int End, int Line, int Column)
{
    /// <summary>The line and column only, which is what GraphQL error responses carry.</summary>
    public SourceLocation SourceLocation => new(Line, Column);
}
