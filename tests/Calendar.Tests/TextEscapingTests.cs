namespace InclusionNetwork.Calendar.Tests;

public sealed class TextEscapingTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("a;b,c", "a\\;b\\,c")]
    [InlineData("line 1\nline 2", "line 1\\nline 2")]
    [InlineData("line 1\r\nline 2", "line 1\\nline 2")]
    [InlineData("line 1\rline 2", "line 1\\nline 2")]
    [InlineData("\\n is not a newline", "\\\\n is not a newline")]
    [InlineData("tab\tstays", "tab\tstays")]
    [InlineData("bell\u0007 and nul\0 go", "bell and nul go")]
    [InlineData("colon: stays", "colon: stays")]
    public void Escapes_as_rfc_5545_3_3_11_says(string text, string escaped)
    {
        Assert.Equal(escaped, TextEscaping.Escape(text));
    }

    [Theory]
    [InlineData("Bring: pens, paper; laptops\\tablets.\nRoom 2")]
    [InlineData("\\\\;;,,\n\n")]
    [InlineData("Ysgol 🎓 包容")]
    public void Unescaping_reverses_escaping(string text)
    {
        Assert.Equal(text, TextEscaping.Unescape(TextEscaping.Escape(text)));
    }

    [Fact]
    public void Unescape_reads_an_upper_case_n_as_a_newline()
    {
        Assert.Equal("a\nb", TextEscaping.Unescape("a\\Nb"));
    }
}
