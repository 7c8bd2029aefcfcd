using Orleans;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>
/// What <c>updateCluster</c> changes; null parts stay as they are. <see cref="SetLeader"/>
/// tells "no leader" (<see cref="LeaderId"/> null) from "leader not mentioned".
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ClusterChange(string? Name, bool SetLeader, long? LeaderId, IReadOnlyList<string>? MemberUrns);
