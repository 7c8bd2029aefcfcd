using Orleans;

namespace InclusionNetwork.Grains.Networks;

/// <summary>One meeting of a network: a one-off, or an occurrence of its recurrence (then <see cref="RecurrenceStart"/> is the start the rule gave it).</summary>
[GenerateSerializer, Immutable]
public sealed record Meeting(long Id, long NetworkId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Location, bool Cancelled,
    DateTimeOffset? RecurrenceStart, int Sequence);
