namespace InclusionNetwork.Grains.Accounts;

/// <summary>An invitation to make an account with these roles (and school, for school-bound roles).</summary>
public sealed record Invitation(
    long Id,
    string Email,
    string Name,
    IReadOnlyList<Role> Roles,
    string? SchoolUrn,
    long? StaffId,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);

/// <summary>What an invitation's page shows its holder: who invited them, and to what.</summary>
public sealed record InvitationPreview(Invitation Invitation, string InvitedByName);

/// <summary>What <c>invite</c> asks for.</summary>
public sealed record InvitationRequest(string Email, string Name, IReadOnlyList<Role> Roles, string? SchoolUrn, long? StaffId);
