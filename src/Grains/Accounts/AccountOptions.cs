namespace InclusionNetwork.Grains.Accounts;

/// <summary>Sign-in policy (configuration section <c>Auth</c>).</summary>
public sealed class AccountOptions
{
    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Personal access tokens last this long unless the request asks for less.</summary>
    public int DefaultTokenLifetimeDays { get; set; } = 30;

    public int MaxTokenLifetimeDays { get; set; } = 365;
}
