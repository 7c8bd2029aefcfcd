using Orleans;

namespace InclusionNetwork.Grains.Accounts;

/// <summary>What a signed-in person may do, as the public contract names it.</summary>
[GenerateSerializer]
public enum Role { STAFF, SCHOOL_BOOKER, LEADER, PROVIDER, COMMISSIONER, ADMIN, NETWORK_LEAD }
