namespace InclusionNetwork.Grains.Accounts;

/// <summary>What it takes to open an account.</summary>
public sealed record NewAccount(
    string Email,
    string Name,
    string Password,
    IReadOnlyCollection<Role> Roles,
    string? SchoolUrn = null,
    long? StaffId = null,
    long? LeaderId = null);
