namespace InclusionNetwork.Grains.Common;

/// <summary>The error codes clients may rely on. Add codes; never rename or reuse one.</summary>
public static class ErrorCodes
{
    public const string NotAllowed = "NOT_ALLOWED";
    public const string NotFound = "NOT_FOUND";
    public const string Invalid = "INVALID";
    public const string Clash = "CLASH";
    public const string Conflict = "CONFLICT";
    /// <summary>An invitation or reset link that is unknown, used, withdrawn or lapsed (one answer for all).</summary>
    public const string InvalidToken = "INVALID_TOKEN";
    public const string AccountExists = "ACCOUNT_EXISTS";
    public const string PasswordTooShort = "PASSWORD_TOO_SHORT";
    public const string PasswordTooCommon = "PASSWORD_TOO_COMMON";
}
