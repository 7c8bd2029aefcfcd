namespace InclusionNetwork.GraphQL.Engine.Limits;

/// <summary>
/// What one request may ask for, checked before any resolver runs. Each limit is reported
/// with its value and an <c>extensions.code</c> (e.g. <c>MAX_DEPTH_EXCEEDED</c>). Null turns a
/// limit off. The defaults admit every ordinary client query, including graphql-js's
/// standard introspection query, and refuse the pathological ones.
/// </summary>
public sealed record RequestLimits
{
    public static readonly RequestLimits Default = new();

    /// <summary>No limits at all, for trusted callers such as tests and benchmarks.</summary>
    public static readonly RequestLimits None = new()
    {
        MaxTokens = null,
        MaxNesting = null,
        MaxFieldComparisons = null,
        MaxDepth = null,
        MaxAliases = null,
        MaxCost = null,
        MaxRequestBodyBytes = null,
    };

    /// <summary>Lexical tokens in the document; parsing stops past this (so a huge document costs little).</summary>
    public int? MaxTokens { get; init; } = 15_000;

    /// <summary>
    /// Nesting of selection sets, list and object values and list types in the document,
    /// counted together while parsing; deeper documents are a syntax error naming this limit.
    /// Keeps a document of a few thousand brackets from overflowing the stack.
    /// </summary>
    public int? MaxNesting { get; init; } = 64;

    /// <summary>
    /// Pairs of same-named fields that validation may compare to prove they merge (spec
    /// 5.3.2). The comparison is quadratic in the fields sharing a response name, so past
    /// this the document is refused instead of checked.
    /// </summary>
    public int? MaxFieldComparisons { get; init; } = 100_000;

    /// <summary>Nesting of fields below the operation; introspection fields (<c>__schema</c>, <c>__type</c>) are not counted.</summary>
    public int? MaxDepth { get; init; } = 15;

    /// <summary>Aliased fields in the operation (fragments counted where they are spread).</summary>
    public int? MaxAliases { get; init; } = 30;

    /// <summary>
    /// The operation's estimated cost: every field costs 1, and a list field multiplies the
    /// cost of itself and everything below it by its page size (see <see cref="PageSizeArguments"/>).
    /// </summary>
    public int? MaxCost { get; init; } = 50_000;

    /// <summary>
    /// The page size assumed for a list field without a page size argument (or with one that
    /// has no value and no declared default) and without a <c>@listSize(assumedSize:)</c>
    /// declaration (see <see cref="ListSize"/>).
    /// </summary>
    public int DefaultListSize { get; init; } = 10;

    /// <summary>
    /// The largest page the schema's fields ever return, when they all refuse a larger one: a
    /// page-size argument above it is estimated at it, so an oversized <c>first</c> reaches the
    /// field and gets the field's own error naming the argument rather than a cost error.
    /// </summary>
    public int? MaxPageSize { get; init; }

    /// <summary>Arguments of a list field read as its page size, first match wins.</summary>
    public IReadOnlyList<string> PageSizeArguments { get; init; } = ["first", "last", "limit", "take"];

    /// <summary>Bytes of an HTTP request body; larger requests get 413.</summary>
    public long? MaxRequestBodyBytes { get; init; } = 1024 * 1024;
}
