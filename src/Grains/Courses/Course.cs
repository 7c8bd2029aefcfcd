using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Schools;
using Orleans;

namespace InclusionNetwork.Grains.Courses;

/// <summary>
/// A course in the directory of support. <see cref="ProviderAccountId"/> is the account that
/// publishes its runs, takes attendance and may cancel runs; <see cref="Provider"/> is the
/// name shown to schools.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Course(
    long Id,
    string Title,
    string Summary,
    string Provider,
    long? ProviderAccountId,
    Strand Strand,
    bool CoreOffer,
    IReadOnlyList<Audience> Audiences,
    string ExpectedImpact,
    PriorKnowledge PriorKnowledge,
    IReadOnlyList<FrameworkArea> FrameworkAreas,
    IReadOnlyList<NeedType> NeedTypes,
    IReadOnlyList<Phase> Phases,
    DeliveryMode DeliveryMode,
    int PricePence,
    double FundedReleaseDays,
    LeadershipLevel? LeadershipLevel,
    int Version);
