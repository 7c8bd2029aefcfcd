using System.Globalization;
using System.Security.Claims;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Microsoft.AspNetCore.Authentication;

namespace InclusionNetwork.Silo.Authentication;

/// <summary>
/// The browser session: signing in sets an HttpOnly session-token cookie, signing out revokes
/// that token and removes the cookie. One implementation for <c>/auth/session</c> and the pages.
/// </summary>
public static class SessionCookies
{
    private static readonly CookieOptions Removal = new() { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/" };

    public static async Task<SignInOutcome> StartAsync(HttpContext context, AccountService accounts, string email, string password, CancellationToken cancellationToken)
    {
        var outcome = await accounts.SignInAsync(email, password, ClientAddress(context), AccessTokenKind.SESSION, cancellationToken: cancellationToken);
        if (outcome is SignInOutcome.SignedIn signedIn)
        {
            Append(context, signedIn.Token.Secret, signedIn.Token.ExpiresAt);
        }
        return outcome;
    }

    /// <summary>Sets the session cookie for a session token already issued.</summary>
    public static void Append(HttpContext context, string secret, DateTimeOffset expiresAt) =>
        context.Response.Cookies.Append(TokenAuthenticationHandler.SessionCookie, secret, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            Expires = expiresAt,
        });

    public static async Task EndAsync(HttpContext context, AccountService accounts, CancellationToken cancellationToken)
    {
        var result = await context.AuthenticateAsync(TokenAuthenticationHandler.SchemeName);
        if (result.Succeeded && context.Request.Cookies.ContainsKey(TokenAuthenticationHandler.SessionCookie))
        {
            var accountId = long.Parse(result.Principal.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture);
            var tokenId = long.Parse(result.Principal.FindFirstValue("token_id")!, CultureInfo.InvariantCulture);
            await accounts.RevokeTokenAsync(accountId, tokenId, cancellationToken);
        }
        context.Response.Cookies.Delete(TokenAuthenticationHandler.SessionCookie, Removal);
    }

    /// <summary>Whole seconds until a throttled client may try again (at least 1), from the domain clock.</summary>
    public static int SecondsToWait(HttpContext context, SignInOutcome.Throttled throttled) =>
        Math.Max(1, (int)Math.Ceiling((throttled.NotBefore - context.RequestServices.GetRequiredService<DomainClock>().GetUtcNow()).TotalSeconds));

    /// <summary>
    /// The same words for every email address, known or not, and for a slowed client address,
    /// so the answer says nothing about which accounts exist.
    /// </summary>
    public static string TooManyFailuresMessage(int wait) => $"Too many failed sign-ins. Wait {wait} second{(wait == 1 ? "" : "s")}, then try again.";

    public const string WrongCredentialsMessage = "The email address or password is not right.";

    /// <summary>The client's address (the proxy's client when the request came through a trusted proxy).</summary>
    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
