using System.Text;

namespace InclusionNetwork.Calendar.Tests;

public sealed class ContentLineWriterTests
{
    [Fact]
    public void A_line_of_exactly_75_octets_is_not_folded()
    {
        var line = "SUMMARY:" + new string('a', 67);

        Assert.Equal(line + "\r\n", Fold(line));
    }

    [Fact]
    public void A_line_of_76_octets_folds_before_the_last_character()
    {
        var line = "SUMMARY:" + new string('a', 68);

        Assert.Equal("SUMMARY:" + new string('a', 67) + "\r\n a\r\n", Fold(line));
    }

    [Fact]
    public void Continuation_lines_hold_74_octets_after_their_leading_space()
    {
        var physical = Fold(new string('x', 75 + 74 + 10)).Split("\r\n");

        Assert.Equal([75, 75, 11, 0], physical.Select(p => Encoding.UTF8.GetByteCount(p)));
    }

    [Theory]
    [InlineData("é", 2)]
    [InlineData("ŵ", 2)]
    [InlineData("包", 3)]
    [InlineData("🎓", 4)]
    public void A_multi_octet_character_that_would_straddle_the_limit_moves_whole_to_the_next_line(string character, int octets)
    {
        // 74 ASCII octets leave one octet of room: too little for any multi-octet character.
        var line = new string('a', 74) + character + "b";

        var physical = Fold(line).Split("\r\n");

        Assert.Equal(new string('a', 74), physical[0]);
        Assert.Equal(" " + character + "b", physical[1]);
        Assert.Equal(1 + octets + 1, Encoding.UTF8.GetByteCount(physical[1]));
    }

    [Fact]
    public void Folding_then_unfolding_gives_back_the_line()
    {
        var line = "DESCRIPTION:" + string.Concat(Enumerable.Repeat("Ysgol 🧑‍🏫 包容 ŵŷ, ", 40));

        Assert.Equal(line + "\r\n", Fold(line).Replace("\r\n ", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Parameter_values_with_separators_are_quoted()
    {
        using var output = new StringWriter();
        using var writer = new ContentLineWriter(output);
        writer.StartProperty("X-PLACE");
        writer.AppendParameter("ALTREP", "cid:part1;x,y");
        writer.StartValue();
        writer.AppendRaw("v");
        writer.EndLine();

        Assert.Equal("X-PLACE;ALTREP=\"cid:part1;x,y\":v\r\n", output.ToString());
    }

    [Fact]
    public void Parameter_values_with_a_double_quote_are_refused()
    {
        using var output = new StringWriter();
        using var writer = new ContentLineWriter(output);
        writer.StartProperty("X-PLACE");

        Assert.Throws<ArgumentException>(() => writer.AppendParameter("CN", "The \"Hub\""));
    }

    [Fact]
    public void Very_long_values_grow_the_buffer()
    {
        using var output = new StringWriter();
        using var writer = new ContentLineWriter(output);
        var text = new string('z', 20_000);

        writer.WriteTextLine("DESCRIPTION", text);

        Assert.Equal("DESCRIPTION:" + text + "\r\n", output.ToString().Replace("\r\n ", string.Empty, StringComparison.Ordinal));
    }

    private static string Fold(string line)
    {
        using var output = new StringWriter();
        ContentLineWriter.WriteFolded(line, output);
        return output.ToString();
    }
}
