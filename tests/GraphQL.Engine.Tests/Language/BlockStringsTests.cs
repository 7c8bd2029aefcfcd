using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Tests.Language;

public sealed class BlockStringsTests
{
    [Fact]
    public void Dedent_removes_common_indent_and_blank_edges() =>
        Assert.Equal("a\n  b\nc", BlockStrings.Dedent(["", "    a", "      b", "    c", "   "]));

    [Fact]
    public void Dedent_keeps_the_first_line_as_is() =>
        Assert.Equal("  first\nsecond", BlockStrings.Dedent(["  first", "    second"]));

    [Theory]
    [InlineData("", "\"\"\"\"\"\"")]
    [InlineData("short", "\"\"\"short\"\"\"")]
    [InlineData("two\nlines", "\"\"\"\ntwo\nlines\n\"\"\"")]
    [InlineData("ends with \"", "\"\"\"\nends with \"\n\"\"\"")]
    [InlineData("has \"\"\" inside", "\"\"\"has \\\"\"\" inside\"\"\"")]
    [InlineData("  leading space", "\"\"\"  leading space\"\"\"")]
    public void Print_round_trips(string value, string printed)
    {
        Assert.Equal(printed, BlockStrings.Print(value));
        var token = new Lexer(printed).Advance();
        Assert.Equal(value, token.Value);
    }

    [Theory]
    [InlineData("plain", true)]
    [InlineData("\nleading newline", false)]
    [InlineData("trailing newline\n", false)]
    [InlineData("  indented\n  both", false)]
    [InlineData("carriage\rreturn", false)]
    [InlineData("control\u0001", false)]
    public void Knows_what_is_printable_as_a_block_string(string value, bool printable) =>
        Assert.Equal(printable, BlockStrings.IsPrintableAsBlockString(value));
}
