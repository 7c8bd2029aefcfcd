using InclusionNetwork.Grains.Common;

namespace InclusionNetwork.Grains.Tests.Common;

public sealed class CsvReaderTests
{
    [Fact]
    public void Reads_quoted_fields_with_commas_quotes_and_line_breaks_and_keeps_line_numbers()
    {
        var records = CsvReader.Read(new StringReader("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",z\r\nlast,row")).ToList();

        Assert.Equal([1, 2, 3, 5], records.Select(r => r.LineNumber));
        Assert.Equal(["x, y", "say \"hi\""], records[1].Fields);
        Assert.Equal(["two\nlines", "z"], records[2].Fields);
        Assert.Equal(["last", "row"], records[3].Fields);
    }

    [Fact]
    public void Keeps_empty_fields()
    {
        var record = Assert.Single(CsvReader.Read(new StringReader("a,,c,\n")));

        Assert.Equal(["a", "", "c", ""], record.Fields);
    }

    [Fact]
    public void An_unclosed_quote_is_an_error_naming_its_line()
    {
        var error = Assert.Throws<FormatException>(() => CsvReader.Read(new StringReader("a\n\"open,b\n")).ToList());

        Assert.Contains("Line 2", error.Message);
    }
}
