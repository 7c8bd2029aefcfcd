namespace InclusionNetwork.Grains.Accounts;

/// <summary>The result of checking an email and password.</summary>
public abstract record SignInOutcome
{
    private SignInOutcome()
    {
    }

    public sealed record SignedIn(Viewer Viewer, IssuedToken Token) : SignInOutcome;

    /// <summary>Unknown email or wrong password; deliberately not saying which.</summary>
    public sealed record WrongCredentials : SignInOutcome;

    /// <summary>
    /// Too many recent failures for this email address or from this client: no password is
    /// checked before <see cref="NotBefore"/>. Given alike for known and unknown addresses.
    /// </summary>
    public sealed record Throttled(DateTimeOffset NotBefore) : SignInOutcome;
}
