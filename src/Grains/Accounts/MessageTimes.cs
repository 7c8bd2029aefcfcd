using System.Globalization;

namespace InclusionNetwork.Grains.Accounts;

/// <summary>Times in messages as GOV.UK writes them, in UK time: "9 December 2026 at 5:04pm".</summary>
public static class MessageTimes
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static string Describe(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, London);
        var hour = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        return string.Create(CultureInfo.InvariantCulture,
            $"{local.Day} {local.ToString("MMMM yyyy", CultureInfo.InvariantCulture)} at {hour}:{local.Minute:00}{(local.Hour < 12 ? "am" : "pm")}");
    }
}
