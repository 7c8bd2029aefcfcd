namespace InclusionNetwork.Grains.Accounts;

/// <summary>A live personal access token as its owner sees it in their list: never its secret, which was shown once.</summary>
public sealed record PersonalToken(long Id, string? Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset ExpiresAt);
