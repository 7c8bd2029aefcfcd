using System.Text;
using InclusionNetwork.Grains.TermDates;
using InclusionNetwork.Grains.Uptake;

namespace InclusionNetwork.Grains.Tests.Uptake;

/// <summary>The CSV writer against RFC 4180 section 2, rule by rule.</summary>
public sealed class UptakeCsvTests
{
    [Fact]
    public void Records_end_in_crlf_and_start_with_the_header()
    {
        var table = new UptakeTable(["group", "schools"], [["County", "8"], ["North", "4"]]);
        Assert.Equal("group,schools\r\nCounty,8\r\nNorth,4\r\n", UptakeCsv.Write(table));
    }

    [Fact]
    public void Fields_with_commas_quotes_or_line_breaks_are_quoted_and_quotes_doubled()
    {
        var table = new UptakeTable(["group", "n"], [["Folkestone, Hythe", "1"], ["The \"Weald\"", "2"], ["Two\r\nlines", "3"], ["Bare\nline", "4"], ["", ""]]);
        Assert.Equal(
            "group,n\r\n\"Folkestone, Hythe\",1\r\n\"The \"\"Weald\"\"\",2\r\n\"Two\r\nlines\",3\r\n\"Bare\nline\",4\r\n,\r\n",
            UptakeCsv.Write(table));
    }

    [Fact]
    public void Text_is_utf8_without_a_byte_order_mark()
    {
        var bytes = UptakeCsv.Encoding.GetBytes(UptakeCsv.Write(new UptakeTable(["group"], [["Ysgol Gymraeg Aberhonddu – Brycheiniog"]])));
        Assert.Empty(UptakeCsv.Encoding.GetPreamble());
        Assert.Equal("group\r\nYsgol Gymraeg Aberhonddu – Brycheiniog\r\n", new UTF8Encoding(false, true).GetString(bytes));
    }

    [Theory]
    [InlineData(UptakeMeasure.PeerReview, Breakdown.DISTRICT, 2025, "uptake-peerReview-DISTRICT-2025-26.csv")]
    [InlineData(UptakeMeasure.Training, Breakdown.SCHOOL_TYPE, 2099 - 1, "uptake-training-SCHOOL_TYPE-2098-99.csv")]
    [InlineData(UptakeMeasure.Evaluations, Breakdown.COUNTY, 2009, "uptake-evaluations-COUNTY-2009-10.csv")]
    public void Files_are_named_for_measure_breakdown_and_year(UptakeMeasure measure, Breakdown by, int startYear, string name) =>
        Assert.Equal(name, UptakeCsv.FileName(measure, by, new UptakePeriod(new AcademicYear(startYear), DateTimeOffset.UnixEpoch)));
}
