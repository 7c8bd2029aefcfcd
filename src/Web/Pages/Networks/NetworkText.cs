using System.Globalization;
using System.Text.Json;
using InclusionNetwork.Web.Components;
using InclusionNetwork.Web.Formatting;

namespace InclusionNetwork.Web.Pages.Networks;

/// <summary>Network kinds and recurrences as people read them, and London wall-clock times as the API takes them.</summary>
public static class NetworkText
{
    public static readonly string[] Kinds =
    [
        "SENCO_FORUM", "LIFT_FORUM", "LIFT_EXECUTIVE", "LOCALITY_CLUSTER", "PEER_REVIEW_CLUSTER",
        "INCLUSION_STEERING_GROUP", "HEADTEACHER_AREA_BOARD", "ILE_GROUP", "OTHER",
    ];

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly Dictionary<string, string> KindNames = new(StringComparer.Ordinal)
    {
        ["SENCO_FORUM"] = "SENCO forum",
        ["LIFT_FORUM"] = "LIFT forum",
        ["LIFT_EXECUTIVE"] = "LIFT executive",
        ["ILE_GROUP"] = "ILE group",
    };

    public static string Kind(string? kind) => kind is not null && KindNames.TryGetValue(kind, out var name) ? name : Format.Label(kind);

    public static IEnumerable<Govuk.Option> KindOptions(string emptyText) =>
        [new Govuk.Option("", emptyText), .. Kinds.Select(k => new Govuk.Option(k, Kind(k)))];

    private static readonly string[] Ordinals = ["", "first", "second", "third", "fourth"];

    /// <summary>"Monthly, first Tuesday" and the like for the rules the form offers; the rule itself otherwise.</summary>
    public static string Recurrence(string? rule)
    {
        if (string.IsNullOrEmpty(rule))
        {
            return "Meetings arranged one by one";
        }
        var parts = rule.Split(';').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].ToUpperInvariant(), p => p[1].ToUpperInvariant());
        var interval = parts.TryGetValue("INTERVAL", out var i) ? i : "1";
        var freq = parts.GetValueOrDefault("FREQ");
        if (freq == "WEEKLY" && interval == "1")
        {
            return "Every week";
        }
        if (freq == "WEEKLY" && interval == "2")
        {
            return "Every two weeks";
        }
        if (freq == "MONTHLY" && interval == "4")
        {
            return "Termly (every four months)";
        }
        if (freq == "MONTHLY" && interval == "1" && parts.TryGetValue("BYDAY", out var byDay) && byDay.Length >= 3)
        {
            var day = DayName(byDay[^2..]);
            var nth = byDay[..^2];
            if (day is not null && nth == "-1")
            {
                return $"Last {day} of each month";
            }
            if (day is not null && int.TryParse(nth, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 4)
            {
                return $"{char.ToUpperInvariant(Ordinals[n][0])}{Ordinals[n][1..]} {day} of each month";
            }
        }
        return rule;
    }

    private static string? DayName(string code) => code switch
    {
        "MO" => "Monday", "TU" => "Tuesday", "WE" => "Wednesday", "TH" => "Thursday", "FR" => "Friday", "SA" => "Saturday", "SU" => "Sunday", _ => null,
    };

    public static string DayCode(DayOfWeek day) => day.ToString()[..2].ToUpperInvariant();

    /// <summary>The plain choices of the series form, as RRULE values for a first meeting on <paramref name="first"/>.</summary>
    public static string? Rule(string choice, DateOnly first) => choice switch
    {
        "WEEKLY" => "FREQ=WEEKLY",
        "FORTNIGHTLY" => "FREQ=WEEKLY;INTERVAL=2",
        "MONTHLY_NTH" => $"FREQ=MONTHLY;BYDAY={Math.Min((first.Day + 6) / 7, 4).ToString(CultureInfo.InvariantCulture)}{DayCode(first.DayOfWeek)}",
        "MONTHLY_LAST" => $"FREQ=MONTHLY;BYDAY=-1{DayCode(first.DayOfWeek)}",
        "TERMLY" => "FREQ=MONTHLY;INTERVAL=4",
        _ => null,
    };

    /// <summary>A London wall-clock date and time as an instant with its offset, as the API's DateTime.</summary>
    public static string Instant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var offset = London.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static DateTimeOffset At(JsonElement value) => value.GetDateTimeOffset();
}
