using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Schools;

namespace InclusionNetwork.Grains.Courses;

/// <summary>
/// The directory's filters; every one given must hold. List filters match a course that has
/// any of the listed values. The run filters (places, window, district) must all hold for
/// one and the same run.
/// </summary>
public sealed record DirectoryFilter(
    string? Search = null,
    Strand? Strand = null,
    IReadOnlyList<Audience>? Audiences = null,
    IReadOnlyList<NeedType>? NeedTypes = null,
    IReadOnlyList<FrameworkArea>? FrameworkAreas = null,
    IReadOnlyList<Phase>? Phases = null,
    PriorKnowledge? PriorKnowledge = null,
    IReadOnlyList<DeliveryMode>? DeliveryModes = null,
    bool CoreOfferOnly = false,
    bool WithPlacesOnly = false,
    DateOnly? From = null,
    DateOnly? To = null,
    string? DistrictId = null);
