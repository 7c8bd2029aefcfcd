using Orleans;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>A peer-review cluster of one academic year: active with 4 to 6 member schools and a leader.</summary>
[GenerateSerializer, Immutable]
public sealed record Cluster(long Id, string Name, string AcademicYear, long? LeaderId, IReadOnlyList<string> MemberUrns, long CycleId, int Version)
{
    public const int MinimumMembers = 4;
    public const int MaximumMembers = 6;

    public bool Active => LeaderId is not null && MemberUrns.Count is >= MinimumMembers and <= MaximumMembers;
}
