using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace InclusionNetwork.Grains.TermDates;

/// <summary>
/// An academic year, written "2025/26": 1 September to 31 August. A type of its own so a
/// year is never confused with any other string.
/// </summary>
public readonly partial record struct AcademicYear(int StartYear)
{
    public DateOnly StartsOn => new(StartYear, 9, 1);

    public DateOnly EndsOn => new(StartYear + 1, 8, 31);

    public bool Contains(DateOnly date) => date >= StartsOn && date <= EndsOn;

    public static AcademicYear Containing(DateOnly date) => new(date.Month >= 9 ? date.Year : date.Year - 1);

    /// <summary>Reads "2025/26"; the second part must be the year after the first.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out AcademicYear? year)
    {
        year = null;
        if (text is null || !Pattern().IsMatch(text))
        {
            return false;
        }
        var start = int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var end = int.Parse(text.AsSpan(5, 2), CultureInfo.InvariantCulture);
        if ((start + 1) % 100 != end || start < 2000 || start > 2098)
        {
            return false;
        }
        year = new AcademicYear(start);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{StartYear}/{(StartYear + 1) % 100:00}");

    [GeneratedRegex("^[0-9]{4}/[0-9]{2}$")]
    private static partial Regex Pattern();
}
