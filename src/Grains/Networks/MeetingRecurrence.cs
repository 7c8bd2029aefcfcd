using System.Globalization;
using Ical.Net;
using Ical.Net.DataTypes;

namespace InclusionNetwork.Grains.Networks;

/// <summary>
/// A network's RRULE (RFC 5545 3.3.10), parsed by Ical.Net's <see cref="RecurrencePattern"/>.
/// Ical.Net reads leniently (an unreadable UNTIL is dropped, a repeated part overwrites the first,
/// an ordinal on a weekly BYDAY is kept), so the few RFC rules it lets through are checked here,
/// and every refusal names the part at fault.
/// </summary>
public static class MeetingRecurrence
{
    /// <summary>Meetings keep the first meeting's time of day, so rules that set times or repeat within a day are refused.</summary>
    private static readonly string[] TimeOfDayParts = ["BYSECOND", "BYMINUTE", "BYHOUR"];

    /// <exception cref="RecurrenceRuleException">The rule is not a valid RRULE, or not one for meetings.</exception>
    public static RecurrencePattern Parse(string? value)
    {
        var text = value?.Trim() ?? "";
        if (text.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))
        {
            text = text["RRULE:".Length..];
        }
        if (text.Length == 0)
        {
            throw new RecurrenceRuleException("RRULE", "the rule is empty; it needs at least FREQ, e.g. FREQ=WEEKLY.");
        }
        var parts = ReadParts(text);
        if (!parts.TryGetValue("FREQ", out var frequency))
        {
            throw new RecurrenceRuleException("FREQ", "the rule has no FREQ; give one of DAILY, WEEKLY, MONTHLY or YEARLY.");
        }
        // Each part on its own beside FREQ, so what Ical.Net refuses is put down to the right part.
        foreach (var (name, content) in parts)
        {
            var probe = name == "FREQ" ? $"FREQ={content}" : $"FREQ={frequency};{name}={content}";
            if (Refusal(probe) is { } reason)
            {
                throw new RecurrenceRuleException(name, reason);
            }
        }
        if (parts.ContainsKey("COUNT") && parts.ContainsKey("UNTIL"))
        {
            throw new RecurrenceRuleException("COUNT", "a rule may have COUNT or UNTIL, not both.");
        }
        RecurrencePattern pattern;
        try
        {
            pattern = new RecurrencePattern(string.Join(';', parts.Select(p => $"{p.Key}={p.Value}")));
        }
        catch (Exception e) when (IsRefusal(e))
        {
            throw new RecurrenceRuleException("RRULE", Reason(e));
        }
        CheckWhatIcalNetAllows(pattern, parts);
        return pattern;
    }

    /// <summary>The rule as stored and shown: Ical.Net's own text of it.</summary>
    public static string Normalise(string value) => Parse(value).ToString() ?? value;

    private static Dictionary<string, string> ReadParts(string text)
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(';'))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                throw new RecurrenceRuleException(part.Trim().Length == 0 ? "RRULE" : part.Trim().ToUpperInvariant(), $"'{part}' is not of the form NAME=value.");
            }
            var name = part[..equals].Trim().ToUpperInvariant();
            var content = part[(equals + 1)..].Trim();
            if (content.Length == 0)
            {
                throw new RecurrenceRuleException(name, "has no value.");
            }
            if (!parts.TryAdd(name, content.ToUpperInvariant()))
            {
                throw new RecurrenceRuleException(name, "is given more than once.");
            }
        }
        return parts;
    }

    private static string? Refusal(string probe)
    {
        try
        {
            _ = new RecurrencePattern(probe);
            return null;
        }
        catch (Exception e) when (IsRefusal(e))
        {
            return Reason(e);
        }
    }

    /// <summary>How Ical.Net says a rule part is wrong: a bad value or name (argument) or an unreadable number (format).</summary>
    private static bool IsRefusal(Exception e) => e is ArgumentException or FormatException or OverflowException;

    /// <summary>Ical.Net's message without the "(Parameter 'x')" that names its own argument.</summary>
    private static string Reason(Exception e)
    {
        var message = e.Message;
        var parameter = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return parameter < 0 ? message : message[..parameter];
    }

    private static void CheckWhatIcalNetAllows(RecurrencePattern pattern, Dictionary<string, string> parts)
    {
        if (pattern.Frequency is FrequencyType.Secondly or FrequencyType.Minutely or FrequencyType.Hourly)
        {
            throw new RecurrenceRuleException("FREQ", $"{parts["FREQ"]} repeats within a day; meetings repeat DAILY, WEEKLY, MONTHLY or YEARLY.");
        }
        foreach (var name in TimeOfDayParts.Where(parts.ContainsKey))
        {
            throw new RecurrenceRuleException(name, "meetings keep the first meeting's time of day, so the rule may not set one.");
        }
        if (parts.TryGetValue("UNTIL", out var until))
        {
            if (pattern.Until is not { } end)
            {
                throw new RecurrenceRuleException("UNTIL", $"'{until}' is not a date (20270101) or a UTC date-time (20270101T000000Z).");
            }
            if (end.HasTime && !end.IsUtc)
            {
                throw new RecurrenceRuleException("UNTIL", $"'{until}' is a local time; with a zoned start it must be UTC, ending in Z (RFC 5545 3.3.10).");
            }
        }
        foreach (var day in pattern.ByDay)
        {
            if (day.Offset is { } offset && (offset == 0 || offset is < -53 or > 53))
            {
                throw new RecurrenceRuleException("BYDAY", string.Create(CultureInfo.InvariantCulture, $"ordinal {offset} is out of range (1 to 53 or -53 to -1)."));
            }
            if (day.Offset is not null && pattern.Frequency is FrequencyType.Daily or FrequencyType.Weekly)
            {
                throw new RecurrenceRuleException("BYDAY", $"an ordinal ('{day}') is allowed only in MONTHLY and YEARLY rules.");
            }
        }
        if (pattern.ByMonthDay.Count > 0 && pattern.Frequency == FrequencyType.Weekly)
        {
            throw new RecurrenceRuleException("BYMONTHDAY", "must not be used with FREQ=WEEKLY.");
        }
        if (pattern.BySetPosition.Count > 0 && pattern.ByMonth.Count == 0 && pattern.ByMonthDay.Count == 0 && pattern.ByDay.Count == 0
            && pattern.ByYearDay.Count == 0 && pattern.ByWeekNo.Count == 0)
        {
            throw new RecurrenceRuleException("BYSETPOS", "must be used together with another BYxxx rule part.");
        }
    }
}
