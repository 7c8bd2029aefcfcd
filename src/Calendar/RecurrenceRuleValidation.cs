namespace InclusionNetwork.Calendar;

/// <summary>
/// The constraints RFC 5545 3.3.10 puts on how rule parts combine and on their ranges, checked in
/// one place for both parsed and constructed rules.
/// </summary>
internal static class RecurrenceRuleValidation
{
    public static void Check(RecurrenceRule rule)
    {
        if (!Enum.IsDefined(rule.Frequency))
        {
            throw new RecurrenceRuleFormatException("FREQ", $"'{rule.Frequency}' is not one of DAILY, WEEKLY, MONTHLY, YEARLY.");
        }

        if (rule.Interval < 1)
        {
            throw new RecurrenceRuleFormatException("INTERVAL", $"must be a positive integer, not {rule.Interval}.");
        }

        if (rule.Count is { } count && count < 1)
        {
            throw new RecurrenceRuleFormatException("COUNT", $"must be a positive integer, not {count}.");
        }

        if (rule.Count is not null && rule.Until is not null)
        {
            throw new RecurrenceRuleFormatException("COUNT", "a rule may have COUNT or UNTIL, not both.");
        }

        foreach (var month in rule.ByMonth)
        {
            if (month is < 1 or > 12)
            {
                throw new RecurrenceRuleFormatException("BYMONTH", $"{month} is not a month (1 to 12).");
            }
        }

        foreach (var day in rule.ByMonthDay)
        {
            if (day is 0 or < -31 or > 31)
            {
                throw new RecurrenceRuleFormatException("BYMONTHDAY", $"{day} is not a day of the month (1 to 31 or -31 to -1).");
            }
        }

        if (rule.ByMonthDay.Count > 0 && rule.Frequency == RecurrenceFrequency.Weekly)
        {
            throw new RecurrenceRuleFormatException("BYMONTHDAY", "must not be used with FREQ=WEEKLY.");
        }

        foreach (var weekday in rule.ByDay)
        {
            if (!Enum.IsDefined(weekday.Day))
            {
                throw new RecurrenceRuleFormatException("BYDAY", $"'{weekday.Day}' is not a day of the week.");
            }

            if (weekday.Ordinal is < -53 or > 53)
            {
                throw new RecurrenceRuleFormatException("BYDAY", $"ordinal {weekday.Ordinal} is out of range (1 to 53 or -53 to -1).");
            }

            if (weekday.Ordinal != 0 && rule.Frequency is RecurrenceFrequency.Daily or RecurrenceFrequency.Weekly)
            {
                throw new RecurrenceRuleFormatException("BYDAY", $"'{weekday}' has an ordinal, which only MONTHLY and YEARLY rules allow.");
            }
        }

        foreach (var position in rule.BySetPosition)
        {
            if (position is 0 or < -366 or > 366)
            {
                throw new RecurrenceRuleFormatException("BYSETPOS", $"{position} is out of range (1 to 366 or -366 to -1).");
            }
        }

        if (rule.BySetPosition.Count > 0 && rule.ByMonth.Count == 0 && rule.ByMonthDay.Count == 0 && rule.ByDay.Count == 0)
        {
            throw new RecurrenceRuleFormatException("BYSETPOS", "must be used together with another BYxxx rule part.");
        }
    }
}
