namespace InclusionNetwork.Grains.Accounts;

/// <summary>How people are brought in and recover their accounts (configuration section <c>People</c>).</summary>
public sealed class PeopleOptions
{
    /// <summary>How long an invitation's link works.</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a password reset link works.</summary>
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Every <c>requestPasswordReset</c> answers after this long, whether or not the address has
    /// an account, so the time taken says nothing either; longer than the work ever takes.
    /// </summary>
    public TimeSpan PasswordResetAnswerTime { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>The public address links start with (<c>App:PublicBaseUrl</c>).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    public Uri Link(string path, string token) => new($"{PublicBaseUrl.TrimEnd('/')}/{path}/{token}");
}
