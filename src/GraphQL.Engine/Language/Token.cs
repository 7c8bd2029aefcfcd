namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>
/// One lexical token. <see cref="Value"/> is set only for names, numbers, strings and
/// comments (for strings it is the cooked value, escapes resolved).
/// </summary>
public readonly record struct Token(TokenKind Kind, int Start, int End, int Line, int Column, string? Value)
{
    /// <summary>The token as syntax errors describe it, e.g. <c>Name "foo"</c> or <c>"}"</c>.</summary>
    public string Describe() => Value is null ? Kind.Describe() : $"{Kind.Describe()} \"{Value}\"";
}
