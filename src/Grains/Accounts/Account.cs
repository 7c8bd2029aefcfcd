using Orleans;

namespace InclusionNetwork.Grains.Accounts;

/// <summary>An account as admins see it.</summary>
[GenerateSerializer, Immutable]
public sealed record Account(
    long Id,
    string Name,
    string Email,
    IReadOnlyList<Role> Roles,
    string? SchoolUrn,
    long? StaffId,
    long? LeaderId,
    bool Active,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt);

/// <summary>A new account and the session it was signed in with.</summary>
public sealed record SignedInAccount(Account Account, IssuedToken Session);
