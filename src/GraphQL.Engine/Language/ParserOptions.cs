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

    /// <summary>
    /// The deepest nesting of selection sets, list and object values and list types, counted
    /// together. Parsing and every later walk of the tree recurse once per level, so without
    /// a cap a few thousand brackets overflow the stack and end the process. Null means no
    /// limit; the default is far beyond anything a person writes.
    /// </summary>
    public int? MaxNesting { get; init; } = 256;
}
