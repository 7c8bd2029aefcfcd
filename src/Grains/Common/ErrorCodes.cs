namespace InclusionNetwork.Grains.Common;

/// <summary>The error codes clients may rely on. Add codes; never rename or reuse one.</summary>
public static class ErrorCodes
{
    public const string NotAllowed = "NOT_ALLOWED";
    public const string NotFound = "NOT_FOUND";
    public const string Invalid = "INVALID";
    public const string Clash = "CLASH";
    public const string Conflict = "CONFLICT";
}
