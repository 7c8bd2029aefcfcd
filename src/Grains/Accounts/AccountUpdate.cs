namespace InclusionNetwork.Grains.Accounts;

/// <summary>
/// What <c>updateAccount</c> changes; a null field is left as it is. <see cref="SchoolUrnGiven"/>
/// tells "set the school to none" (given, null) from "leave the school" (not given).
/// </summary>
public sealed record AccountUpdate(long AccountId, string? Name, IReadOnlyList<Role>? Roles, bool SchoolUrnGiven, string? SchoolUrn, bool? Active);

/// <summary>Which accounts an admin lists.</summary>
public sealed record AccountFilter(Role? Role, string? SchoolUrn, string? Search, bool IncludeInactive);

/// <summary>One page of accounts, newest first, with the size of the whole listing.</summary>
public sealed record AccountPage(IReadOnlyList<Account> Accounts, bool HasNextPage, int TotalCount);
