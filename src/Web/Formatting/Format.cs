using System.Globalization;
using System.Text.Json;

namespace InclusionNetwork.Web.Formatting;

/// <summary>Dates, times, money and enum names as GOV.UK style writes them, in Europe/London.</summary>
public static class Format
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["SENCO"] = "SENCO",
        ["SOCIAL_EMOTIONAL_MENTAL_HEALTH"] = "Social, emotional and mental health",
        ["POST_16"] = "Post-16",
        ["E_LEARNING"] = "E-learning",
        ["SCHOOL_TO_SCHOOL_SYSTEM"] = "School-to-school system",
        ["PUPIL_REFERRAL_UNIT"] = "Pupil referral unit",
        ["PARENT_CARER"] = "Parent or carer",
        ["HEADTEACHER_EXECUTIVE"] = "Headteacher or executive",
        ["COUNTY"] = "County",
        ["SCHOOL_TYPE"] = "School type",
    };

    /// <summary>"EARLY_CAREER_TEACHER" → "Early career teacher".</summary>
    public static string Label(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (Words.TryGetValue(value, out var word))
        {
            return word;
        }
        var words = value.ToLowerInvariant().Replace('_', ' ');
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    public static DateTimeOffset InLondon(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, London);

    /// <summary>"4 March 2026".</summary>
    public static string Date(DateTimeOffset instant) => InLondon(instant).ToString("d MMMM yyyy", English);

    /// <summary>"9am", "2:30pm".</summary>
    public static string Time(DateTimeOffset instant)
    {
        var local = InLondon(instant);
        var hour = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        var minutes = local.Minute == 0 ? "" : ":" + local.Minute.ToString("00", CultureInfo.InvariantCulture);
        return $"{hour.ToString(CultureInfo.InvariantCulture)}{minutes}{(local.Hour < 12 ? "am" : "pm")}";
    }

    /// <summary>"4 March 2026, 9am".</summary>
    /// <summary>A civil date, e.g. "Friday 27 March 2027".</summary>
    public static string Day(DateOnly date) => date.ToString("dddd d MMMM yyyy", English);

    public static string DateTime(DateTimeOffset instant) => $"{Date(instant)}, {Time(instant)}";

    /// <summary>"Wednesday 4 March 2026, 9am to 12pm".</summary>
    public static string Session(DateTimeOffset startsAt, DateTimeOffset endsAt) =>
        $"{InLondon(startsAt).ToString("dddd d MMMM yyyy", English)}, {Time(startsAt)} to {Time(endsAt)}";

    public static string Money(int pence) => pence == 0 ? "Free" : "£" + (pence / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    public static string Plural(int count, string one, string many) => $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? one : many)}";

    /// <summary>A comma-separated list of enum labels from a JSON array of enum names.</summary>
    public static string Labels(JsonElement values) =>
        values.ValueKind == JsonValueKind.Array ? string.Join(", ", values.EnumerateArray().Select(v => Label(v.GetString()))) : "";
}
