using System.Text;

namespace InclusionNetwork.Grains.Uptake;

/// <summary>
/// Writes a table as RFC 4180 CSV: a header row, CRLF after every record, a field quoted
/// when it holds a comma, a double quote, CR or LF, and a double quote inside it doubled.
/// UTF-8 without a byte order mark, as RFC 4180's text/csv has it. A field that a
/// spreadsheet would run as a formula (starting with =, +, - or @) cannot occur: groups are
/// the county's own area and district names or enum names, and the rest are numbers.
/// </summary>
public static class UptakeCsv
{
    public const string MediaType = "text/csv";

    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static string Write(UptakeTable table)
    {
        var text = new StringBuilder();
        WriteRecord(text, table.Columns);
        foreach (var row in table.Rows)
        {
            WriteRecord(text, row);
        }
        return text.ToString();
    }

    /// <summary>
    /// The download's name, e.g. <c>uptake-peerReview-DISTRICT-2025-26.csv</c>, with the quarter and
    /// the scope when asked for (<c>uptake-training-COUNTY-2025-26-Q2-MAINSTREAM.csv</c>).
    /// </summary>
    public static string FileName(UptakeMeasure measure, Breakdown by, UptakePeriod period, SchoolScope scope = SchoolScope.ALL) =>
        $"uptake-{MeasureName(measure)}-{by}-{period.Year.ToString().Replace('/', '-')}"
        + (period.Quarter is { } q ? $"-Q{q}" : "")
        + (scope == SchoolScope.ALL ? "" : $"-{scope}") + ".csv";

    /// <summary>The measure as the API names it (the <c>Uptake</c> field).</summary>
    public static string MeasureName(UptakeMeasure measure) => measure switch
    {
        UptakeMeasure.PeerReview => "peerReview",
        UptakeMeasure.Leadership => "leadership",
        UptakeMeasure.Training => "training",
        UptakeMeasure.Evaluations => "evaluations",
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Not an uptake measure."),
    };

    private static void WriteRecord(StringBuilder text, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }
            var field = fields[i];
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(field);
            }
        }
        text.Append("\r\n");
    }
}
