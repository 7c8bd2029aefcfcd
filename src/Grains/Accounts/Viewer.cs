using Orleans;

namespace InclusionNetwork.Grains.Accounts;

/// <summary>
/// The signed-in person behind a request: who they are and what they may act for.
/// School-bound roles carry the school's URN; the leader role carries the ILE's id.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Viewer(
    long AccountId,
    string Name,
    string Email,
    IReadOnlySet<Role> Roles,
    string? SchoolUrn,
    long? StaffId,
    long? LeaderId)
{
    public bool Has(Role role) => Roles.Contains(role);

    public bool IsAdmin => Roles.Contains(Role.ADMIN);

    /// <summary>Admins, and the school's own bookers and staff.</summary>
    public bool ActsFor(string schoolUrn) =>
        IsAdmin || (SchoolUrn == schoolUrn && (Has(Role.SCHOOL_BOOKER) || Has(Role.STAFF)));
}
