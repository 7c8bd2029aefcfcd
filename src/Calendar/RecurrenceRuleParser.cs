using System.Globalization;

namespace InclusionNetwork.Calendar;

/// <summary>
/// Reads the text form of a RECUR value (RFC 5545 3.3.10): <c>NAME=value</c> parts separated by
/// SEMICOLON, in any order, each at most once, FREQ required.
/// </summary>
internal static class RecurrenceRuleParser
{
    private static readonly string[] Unsupported = ["BYSECOND", "BYMINUTE", "BYHOUR", "BYYEARDAY", "BYWEEKNO"];

    public static RecurrenceRule Parse(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new RecurrenceRuleFormatException("RRULE", "the rule is empty; it needs at least FREQ, e.g. FREQ=WEEKLY.");
        }

        var text = value.Trim();
        if (text.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))
        {
            text = text["RRULE:".Length..];
        }

        RecurrenceFrequency? frequency = null;
        var interval = 1;
        int? count = null;
        RecurrenceUntil? until = null;
        IReadOnlyList<int>? byMonth = null;
        IReadOnlyList<int>? byMonthDay = null;
        IReadOnlyList<RecurrenceWeekday>? byDay = null;
        IReadOnlyList<int>? bySetPosition = null;
        DayOfWeek? weekStart = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var part in text.Split(';'))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                throw new RecurrenceRuleFormatException(part.Length == 0 ? "RRULE" : part, $"'{part}' is not of the form NAME=value.");
            }

            var name = part[..equals].Trim().ToUpperInvariant();
            var content = part[(equals + 1)..].Trim();
            if (!seen.Add(name))
            {
                throw new RecurrenceRuleFormatException(name, "is given more than once.");
            }

            if (content.Length == 0)
            {
                throw new RecurrenceRuleFormatException(name, "has no value.");
            }

            switch (name)
            {
                case "FREQ":
                    frequency = ParseFrequency(content);
                    break;
                case "INTERVAL":
                    interval = ParseInteger(name, content);
                    break;
                case "COUNT":
                    count = ParseInteger(name, content);
                    break;
                case "UNTIL":
                    until = ParseUntil(content);
                    break;
                case "BYMONTH":
                    byMonth = ParseIntegerList(name, content);
                    break;
                case "BYMONTHDAY":
                    byMonthDay = ParseIntegerList(name, content);
                    break;
                case "BYDAY":
                    byDay = ParseWeekdays(content);
                    break;
                case "BYSETPOS":
                    bySetPosition = ParseIntegerList(name, content);
                    break;
                case "WKST":
                    weekStart = RecurrenceWeekday.DayOf(content)
                        ?? throw new RecurrenceRuleFormatException(name, $"'{content}' is not a day code (SU, MO, TU, WE, TH, FR, SA).");
                    break;
                default:
                    throw Unsupported.Contains(name)
                        ? new RecurrenceRuleFormatException(name, "is valid RFC 5545 but not supported here; rules repeat whole days (DAILY, WEEKLY, MONTHLY, YEARLY with BYMONTH, BYMONTHDAY, BYDAY, BYSETPOS).")
                        : new RecurrenceRuleFormatException(name, "is not a rule part of RFC 5545 3.3.10.");
            }
        }

        if (frequency is null)
        {
            throw new RecurrenceRuleFormatException("FREQ", "is required, e.g. FREQ=WEEKLY.");
        }

        return new RecurrenceRule(frequency.Value, interval, count, until, byMonth, byMonthDay, byDay, bySetPosition, weekStart);
    }

    private static RecurrenceFrequency ParseFrequency(string content) => content.ToUpperInvariant() switch
    {
        "DAILY" => RecurrenceFrequency.Daily,
        "WEEKLY" => RecurrenceFrequency.Weekly,
        "MONTHLY" => RecurrenceFrequency.Monthly,
        "YEARLY" => RecurrenceFrequency.Yearly,
        "SECONDLY" or "MINUTELY" or "HOURLY" =>
            throw new RecurrenceRuleFormatException("FREQ", $"{content} is valid RFC 5545 but not supported here; use DAILY, WEEKLY, MONTHLY or YEARLY."),
        _ => throw new RecurrenceRuleFormatException("FREQ", $"'{content}' is not one of DAILY, WEEKLY, MONTHLY, YEARLY."),
    };

    private static int ParseInteger(string part, string content)
    {
        if (!int.TryParse(content, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            throw new RecurrenceRuleFormatException(part, $"'{content}' is not an integer.");
        }

        return number;
    }

    private static int[] ParseIntegerList(string part, string content) =>
        [.. content.Split(',').Select(item => ParseInteger(part, item.Trim()))];

    private static RecurrenceWeekday[] ParseWeekdays(string content)
    {
        var items = content.Split(',');
        var weekdays = new RecurrenceWeekday[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i].Trim();
            if (item.Length < 2)
            {
                throw new RecurrenceRuleFormatException("BYDAY", $"'{item}' is not a day such as MO, 2TU or -1FR.");
            }

            var day = RecurrenceWeekday.DayOf(item.AsSpan(item.Length - 2))
                ?? throw new RecurrenceRuleFormatException("BYDAY", $"'{item}' does not end in a day code (SU, MO, TU, WE, TH, FR, SA).");
            var ordinal = 0;
            var ordinalText = item[..^2];
            if (ordinalText.Length > 0)
            {
                if (!int.TryParse(ordinalText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out ordinal) || ordinal == 0)
                {
                    throw new RecurrenceRuleFormatException("BYDAY", $"'{item}' has an ordinal that is not a non-zero integer.");
                }
            }

            weekdays[i] = new RecurrenceWeekday(day, ordinal);
        }

        return weekdays;
    }

    private static RecurrenceUntil ParseUntil(string content)
    {
        const DateTimeStyles Styles = DateTimeStyles.None;
        if (content.Length == 8 && DateOnly.TryParseExact(content, "yyyyMMdd", CultureInfo.InvariantCulture, Styles, out var date))
        {
            return RecurrenceUntil.OnDate(date);
        }

        if (content.Length == 16 && content[15] is 'Z' or 'z'
            && DateTime.TryParseExact(content[..15], "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture, Styles, out var dateTime))
        {
            return RecurrenceUntil.AtUtc(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc));
        }

        throw new RecurrenceRuleFormatException("UNTIL", $"'{content}' is neither a date (20261231) nor a UTC date-time (20261231T235959Z).");
    }
}
