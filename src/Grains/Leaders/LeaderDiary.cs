using Orleans;

namespace InclusionNetwork.Grains.Leaders;

/// <summary>What a leader's diary says of a span of days.</summary>
/// <param name="Unavailable">Days the leader has said they cannot attend visits.</param>
/// <param name="AtVisits">Days the leader is at a visit (cancelled visits left out).</param>
[GenerateSerializer, Immutable]
public sealed record LeaderDiary(IReadOnlySet<DateOnly> Unavailable, IReadOnlySet<DateOnly> AtVisits)
{
    /// <summary>False when the leader is unavailable or already at a visit that day.</summary>
    public bool IsFree(DateOnly day) => !Unavailable.Contains(day) && !AtVisits.Contains(day);
}
