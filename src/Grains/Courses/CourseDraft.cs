using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Schools;
using Orleans;

namespace InclusionNetwork.Grains.Courses;

/// <summary>What an admin gives to add or change a course (the contract's SaveCourseInput).</summary>
[GenerateSerializer, Immutable]
public sealed record CourseDraft(
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
    LeadershipLevel? LeadershipLevel);
