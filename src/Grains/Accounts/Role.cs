namespace InclusionNetwork.Grains.Accounts;

/// <summary>What a signed-in person may do, as the public contract names it.</summary>
public enum Role { STAFF, SCHOOL_BOOKER, LEADER, PROVIDER, COMMISSIONER, ADMIN }
