namespace InclusionNetwork.Calendar;

/// <summary>
/// An RRULE value that is not valid RFC 5545 3.3.10, or uses a part this library does not
/// expand. <see cref="Part"/> names the rule part at fault (e.g. <c>BYDAY</c>), so the message
/// can be shown to whoever wrote the rule.
/// </summary>
public sealed class RecurrenceRuleFormatException : FormatException
{
    public RecurrenceRuleFormatException(string part, string message)
        : base($"{part}: {message}")
    {
        Part = part;
    }

    /// <summary>The rule part at fault, such as <c>FREQ</c>, <c>BYMONTHDAY</c> or <c>UNTIL</c>.</summary>
    public string Part { get; }
}
