namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>Limits the parser enforces before any other work is done on a document.</summary>
public sealed record ParserOptions
{
    public static readonly ParserOptions Default = new();

    /// <summary>
    /// Stops parsing once a document has more tokens than this, so a huge request cannot
    /// cost unbounded parse time. Null means no limit.
    /// </summary>
    public int? MaxTokens { get; init; }
}
