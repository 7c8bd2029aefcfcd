using System.Text;
using InclusionNetwork.Grains.Schools;

namespace InclusionNetwork.Grains.Tests.Schools;

public sealed class GiasExtractTextTests
{
    private const string Name = "St Mary’s Église School";

    [Fact]
    public void A_windows_1252_extract_as_gias_publishes_it_reads_with_its_curly_apostrophe_and_accents()
    {
        // ’ is 0x92 and É is 0xC9 in Windows-1252; neither sequence is valid UTF-8.
        byte[] bytes = [.. Encoding.ASCII.GetBytes("St Mary"), 0x92, .. Encoding.ASCII.GetBytes("s "), 0xC9, .. Encoding.ASCII.GetBytes("glise School")];

        Assert.Equal(Name, GiasExtractText.Decode(bytes));
    }

    [Fact]
    public void Utf8_reads_as_utf8_with_or_without_a_byte_order_mark()
    {
        var utf8 = Encoding.UTF8.GetBytes(Name);

        Assert.Equal(Name, GiasExtractText.Decode(utf8));
        Assert.Equal(Name, GiasExtractText.Decode([0xEF, 0xBB, 0xBF, .. utf8]));
    }
}
