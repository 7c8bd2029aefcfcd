using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Silo.Authentication;
using InclusionNetwork.Silo.Endpoints;
using InclusionNetwork.Web.Session;

namespace InclusionNetwork.Silo.Web;

/// <summary>The pages' sign-in, through the same session cookie and account checks as <c>/auth/session</c>.</summary>
public sealed class PageSession(AccountService accounts) : IPageSession
{
    public Viewer? Viewer(HttpContext context) => context.GetViewer();

    public async Task<SessionStart> StartAsync(HttpContext context, string email, string password, CancellationToken cancellationToken)
    {
        // Text no account could hold is refused before any lookup, as the endpoint does.
        if (email.Length > AuthEndpoints.MaxEmailLength || password.Length > AuthEndpoints.MaxPasswordLength
            || email.Contains('\0', StringComparison.Ordinal) || password.Contains('\0', StringComparison.Ordinal))
        {
            return new SessionStart.Refused(SessionCookies.WrongCredentialsMessage);
        }
        return await SessionCookies.StartAsync(context, accounts, email, password, cancellationToken) switch
        {
            SignInOutcome.SignedIn => new SessionStart.Started(),
            SignInOutcome.Throttled throttled => new SessionStart.Refused(SessionCookies.TooManyFailuresMessage(SessionCookies.SecondsToWait(context, throttled))),
            _ => new SessionStart.Refused(SessionCookies.WrongCredentialsMessage),
        };
    }

    public void Adopt(HttpContext context, string token, DateTimeOffset expiresAt) => SessionCookies.Append(context, token, expiresAt);

    public Task EndAsync(HttpContext context, CancellationToken cancellationToken) => SessionCookies.EndAsync(context, accounts, cancellationToken);
}
