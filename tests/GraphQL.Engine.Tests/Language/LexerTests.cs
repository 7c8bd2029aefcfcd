using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Tests.Language;

public sealed class LexerTests
{
    private static Token First(string source) => new Lexer(source).Advance();

    private static GraphQLSyntaxException Fails(string source) =>
        Assert.Throws<GraphQLSyntaxException>(() =>
        {
            var lexer = new Lexer(source);
            while (lexer.Advance().Kind != TokenKind.EndOfFile)
            {
            }
        });

    [Fact]
    public void Skips_ignored_tokens_and_tracks_line_and_column()
    {
        var token = First("\uFEFF ,,\n\r\n  # comment\r\n\tfoo");
        Assert.Equal(TokenKind.Name, token.Kind);
        Assert.Equal("foo", token.Value);
        Assert.Equal(4, token.Line);
        Assert.Equal(2, token.Column);
    }

    [Theory]
    [InlineData("!", TokenKind.Bang)]
    [InlineData("$", TokenKind.Dollar)]
    [InlineData("&", TokenKind.Amp)]
    [InlineData("(", TokenKind.ParenLeft)]
    [InlineData(")", TokenKind.ParenRight)]
    [InlineData("...", TokenKind.Spread)]
    [InlineData(":", TokenKind.Colon)]
    [InlineData("=", TokenKind.Equals)]
    [InlineData("@", TokenKind.At)]
    [InlineData("[", TokenKind.BracketLeft)]
    [InlineData("]", TokenKind.BracketRight)]
    [InlineData("{", TokenKind.BraceLeft)]
    [InlineData("|", TokenKind.Pipe)]
    [InlineData("}", TokenKind.BraceRight)]
    public void Reads_punctuators(string source, TokenKind kind) => Assert.Equal(kind, First(source).Kind);

    [Theory]
    [InlineData("4", TokenKind.Int, "4")]
    [InlineData("-4", TokenKind.Int, "-4")]
    [InlineData("0", TokenKind.Int, "0")]
    [InlineData("4.123", TokenKind.Float, "4.123")]
    [InlineData("-1.1e+10", TokenKind.Float, "-1.1e+10")]
    [InlineData("2E-3", TokenKind.Float, "2E-3")]
    public void Reads_numbers(string source, TokenKind kind, string value)
    {
        var token = First(source);
        Assert.Equal(kind, token.Kind);
        Assert.Equal(value, token.Value);
    }

    [Theory]
    [InlineData("00", "Syntax Error: Invalid number, unexpected digit after 0: \"0\".")]
    [InlineData("1.", "Syntax Error: Invalid number, expected digit but got: <EOF>.")]
    [InlineData("1.A", "Syntax Error: Invalid number, expected digit but got: \"A\".")]
    [InlineData("1.0e", "Syntax Error: Invalid number, expected digit but got: <EOF>.")]
    [InlineData("123abc", "Syntax Error: Invalid number, expected digit but got: \"a\".")]
    [InlineData("1.2.3", "Syntax Error: Invalid number, expected digit but got: \".\".")]
    [InlineData("-", "Syntax Error: Invalid number, expected digit but got: <EOF>.")]
    public void Applies_the_number_lookahead_rules(string source, string message) => Assert.Equal(message, Fails(source).Message);

    [Theory]
    [InlineData("\"simple\"", "simple")]
    [InlineData("\"quote \\\"\"", "quote \"")]
    [InlineData("\"escaped \\n\\r\\b\\t\\f\\/\\\\\"", "escaped \n\r\b\t\f/\\")]
    [InlineData("\"unicode \\u1234\\u5678\"", "unicode \u1234\u5678")]
    [InlineData("\"variable \\u{1F600}\"", "variable \U0001F600")]
    [InlineData("\"pair \\uD83D\\uDE00\"", "pair \U0001F600")]
    public void Reads_strings_with_escapes(string source, string value)
    {
        var token = First(source);
        Assert.Equal(TokenKind.String, token.Kind);
        Assert.Equal(value, token.Value);
    }

    [Theory]
    [InlineData("\"", "Syntax Error: Unterminated string.")]
    [InlineData("\"no end\nquote\"", "Syntax Error: Unterminated string.")]
    [InlineData("\"bad \\z esc\"", "Syntax Error: Invalid character escape sequence: \"\\z\".")]
    [InlineData("\"bad \\u1 esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u1 es\".")]
    [InlineData("\"bad \\uDEAD\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uDEAD\".")]
    [InlineData("'single'", "Syntax Error: Unexpected single quote character ('), did you mean to use a double quote (\")?")]
    [InlineData("\u0007", "Syntax Error: Unexpected character: U+0007.")]
    [InlineData("?", "Syntax Error: Unexpected character: \"?\".")]
    [InlineData("..", "Syntax Error: Unexpected character: \".\".")]
    public void Reports_lexical_errors_as_graphql_js(string source, string message) => Assert.Equal(message, Fails(source).Message);

    [Fact]
    public void Reports_where_the_error_is()
    {
        var error = Fails("\n\n    ?\n");
        Assert.Equal(new SourceLocation(3, 5), error.Location);
    }

    [Fact]
    public void Reads_block_strings_with_common_indentation_removed()
    {
        var token = First("\"\"\"\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n  \"\"\"");
        Assert.Equal(TokenKind.BlockString, token.Kind);
        Assert.Equal("Hello,\n  World!\n\nYours,\n  GraphQL.", token.Value);
    }

    [Fact]
    public void Reads_escaped_triple_quotes_in_block_strings() =>
        Assert.Equal("contains \"\"\" triple quote", First("\"\"\"contains \\\"\"\" triple quote\"\"\"").Value);

    [Fact]
    public void Counts_lines_inside_block_strings()
    {
        var lexer = new Lexer("\"\"\"a\nb\nc\"\"\" name");
        lexer.Advance();
        var name = lexer.Advance();
        Assert.Equal(3, name.Line);
        Assert.Equal(6, name.Column);
    }

    [Fact]
    public void Lookahead_does_not_move()
    {
        var lexer = new Lexer("a b");
        lexer.Advance();
        Assert.Equal("b", lexer.Lookahead().Value);
        Assert.Equal("a", lexer.Token.Value);
        Assert.Equal("b", lexer.Advance().Value);
        Assert.Equal(TokenKind.EndOfFile, lexer.Advance().Kind);
    }
}
