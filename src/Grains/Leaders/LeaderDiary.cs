using Orleans;

namespace InclusionNetwork.Grains.Leaders;

/// <summary>What a leader's diary says of a span of days.</summary>
/// <param name="Unavailable">Days the leader has said they cannot attend visits.</param>
/// <param name="AtVisits">Days the leader is at a visit (cancelled visits left out).</param>
/// <param name="ClustersLed">Clusters the leader leads whose academic year starts in the span.</param>
/// <param name="MaxClusters">How many clusters a year the leader may lead.</param>
/// <param name="Version">
/// The diary's version when it was told: a writer of the leader's visits checks it in its own
/// transaction, so a diary that was stale when the rules were judged is caught.
/// </param>
[GenerateSerializer, Immutable]
public sealed record LeaderDiary(
    IReadOnlySet<DateOnly> Unavailable,
    IReadOnlySet<DateOnly> AtVisits,
    IReadOnlyList<long> ClustersLed,
    int MaxClusters,
    long Version)
{
    /// <summary>The diary of no leader: a cluster without one has nobody to be busy.</summary>
    public static readonly LeaderDiary Empty = new(new HashSet<DateOnly>(), new HashSet<DateOnly>(), [], 0, 0);

    /// <summary>False when the leader is unavailable or already at a visit that day.</summary>
    public bool IsFree(DateOnly day) => !Unavailable.Contains(day) && !AtVisits.Contains(day);
}
