using Orleans;

namespace InclusionNetwork.Grains.Schools;

/// <summary>Phases of education, as the public contract names them.</summary>
[GenerateSerializer]
public enum Phase { EARLY_YEARS, PRIMARY, SECONDARY, ALL_THROUGH, POST_16 }
