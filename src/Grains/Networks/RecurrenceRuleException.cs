namespace InclusionNetwork.Grains.Networks;

/// <summary>A network's RRULE is not one we can use; <see cref="Part"/> names the rule part at fault (FREQ, BYDAY, UNTIL...).</summary>
public sealed class RecurrenceRuleException(string part, string reason) : Exception($"{part}: {reason}")
{
    public string Part { get; } = part;

    public string Reason { get; } = reason;
}
