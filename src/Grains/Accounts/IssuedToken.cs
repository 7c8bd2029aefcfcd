namespace InclusionNetwork.Grains.Accounts;

/// <summary>
/// A token as issued: <see cref="Secret"/> is shown to its holder once and never stored;
/// the database keeps only its hash.
/// </summary>
public sealed record IssuedToken(long Id, string Secret, DateTimeOffset ExpiresAt);
