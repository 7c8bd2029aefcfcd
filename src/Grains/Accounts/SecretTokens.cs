using System.Security.Cryptography;
using System.Text;

namespace InclusionNetwork.Grains.Accounts;

/// <summary>
/// Single-use link tokens (invitations, password resets): 256 random bits as base64url, stored
/// only as their SHA-256 hash, so the database never holds a usable link.
/// </summary>
public static class SecretTokens
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Text that cannot be a token of ours is refused before any lookup.</summary>
    public static bool LooksValid(string? token) => token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
