namespace InclusionNetwork.Calendar;

/// <summary>
/// The UNTIL bound of a rule (RFC 5545 3.3.10), inclusive: either a DATE or a UTC DATE-TIME.
/// A rule whose DTSTART is zoned must use the UTC form; the date form suits all-day events.
/// </summary>
public readonly record struct RecurrenceUntil
{
    private RecurrenceUntil(DateTime value, bool isDate)
    {
        Value = value;
        IsDate = isDate;
    }

    /// <summary>The date at midnight (<see cref="IsDate"/>) or the UTC instant.</summary>
    public DateTime Value { get; }

    public bool IsDate { get; }

    public static RecurrenceUntil OnDate(DateOnly date) =>
        new(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), true);

    public static RecurrenceUntil AtUtc(DateTime utc)
    {
        if (utc.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException($"UNTIL as a date-time must be UTC; got {utc:O} of kind {utc.Kind}.", nameof(utc));
        }

        return new(new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc), false);
    }

    public override string ToString()
    {
        Span<char> text = stackalloc char[16];
        if (IsDate)
        {
            return new string(text[..ValueFormat.WriteDate(Value, text)]);
        }

        var written = ValueFormat.WriteLocalDateTime(Value, text);
        text[written++] = 'Z';
        return new string(text[..written]);
    }
}
