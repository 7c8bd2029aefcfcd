using System.Globalization;
using System.Text.Json;

namespace InclusionNetwork.Web.Pages.TermDates;

/// <summary>
/// The words and address forms of term dates: a year is "2027/28" in the API and "2027-28" in
/// addresses (a slash would split the path); dates are typed as 2027-09-02.
/// </summary>
public static class TermDateText
{
    public static string Slug(string yearId) => yearId.Replace('/', '-');

    public static string YearId(string slug) => slug.Replace('-', '/');

    public static string KindName(string? kind) => kind switch
    {
        "TERM" => "Term",
        "HALF_TERM" => "Half term",
        "HOLIDAY" => "Holiday",
        _ => kind ?? "",
    };

    public static DateOnly Date(JsonElement value) => DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
