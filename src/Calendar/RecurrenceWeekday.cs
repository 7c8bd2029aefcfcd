namespace InclusionNetwork.Calendar;

/// <summary>
/// One BYDAY entry (RFC 5545 3.3.10 <c>weekdaynum</c>): a day of the week, optionally with an
/// ordinal: <c>2TU</c> is the second Tuesday, <c>-1FR</c> the last Friday, <c>MO</c> every Monday.
/// </summary>
public readonly record struct RecurrenceWeekday(DayOfWeek Day, int Ordinal = 0)
{
    private static readonly string[] Codes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    /// <summary>The two-letter code RFC 5545 uses for <paramref name="day"/>.</summary>
    public static string CodeOf(DayOfWeek day) => Codes[(int)day];

    /// <summary>The day a two-letter code names, or null when it names none.</summary>
    public static DayOfWeek? DayOf(ReadOnlySpan<char> code)
    {
        for (var i = 0; i < Codes.Length; i++)
        {
            if (code.Equals(Codes[i], StringComparison.OrdinalIgnoreCase))
            {
                return (DayOfWeek)i;
            }
        }

        return null;
    }

    public override string ToString() =>
        Ordinal == 0 ? CodeOf(Day) : string.Concat(Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture), CodeOf(Day));
}
