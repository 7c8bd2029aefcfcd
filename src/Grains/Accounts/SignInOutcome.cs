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

    /// <summary>Too many recent failures: no password is checked until <see cref="Until"/>.</summary>
    public sealed record LockedOut(DateTimeOffset Until) : SignInOutcome;
}
