namespace InclusionNetwork.Grains.Accounts;

/// <summary>Sign-in policy (configuration section <c>Auth</c>).</summary>
public sealed class AccountOptions
{
    /// <summary>Failed sign-ins for one email address before each further attempt must wait.</summary>
    public int FailedSignInsBeforeDelay { get; set; } = 5;

    /// <summary>
    /// Failed sign-ins from one client address (to any accounts) before each further attempt
    /// must wait; higher than per email, since a school's staff may share one address.
    /// </summary>
    public int FailedSignInsPerAddressBeforeDelay { get; set; } = 20;

    /// <summary>The first wait; it doubles with every further failure.</summary>
    public TimeSpan SignInDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait, so a flood of guesses slows the real owner by at most this much.</summary>
    public TimeSpan MaxSignInDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Failures older than this (counted from the latest) are forgotten.</summary>
    public TimeSpan FailedSignInMemory { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Personal access tokens last this long unless the request asks for less.</summary>
    public int DefaultTokenLifetimeDays { get; set; } = 30;

    public int MaxTokenLifetimeDays { get; set; } = 365;
}
