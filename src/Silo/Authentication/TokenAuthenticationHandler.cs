using System.Security.Claims;
using System.Text.Encodings.Web;
using InclusionNetwork.Grains.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace InclusionNetwork.Silo.Authentication;

/// <summary>
/// One scheme for both kinds of caller: scripts send a personal access token as
/// <c>Authorization: Bearer</c>, browsers carry a session token in an HttpOnly cookie.
/// Both are opaque tokens looked up by hash, so revoking one takes effect on every silo at once.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccountService accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";
    public const string SessionCookie = "inclusion_session";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? secret = null;
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            secret = header["Bearer ".Length..].Trim();
        }
        else if (Request.Cookies.TryGetValue(SessionCookie, out var cookie))
        {
            secret = cookie;
        }
        if (string.IsNullOrEmpty(secret))
        {
            return AuthenticateResult.NoResult();
        }
        var found = await accounts.AuthenticateAsync(secret, Context.RequestAborted);
        if (found is null)
        {
            return AuthenticateResult.Fail(new InvalidTokenException());
        }
        var (viewer, tokenId) = found.Value;
        Context.SetViewer(viewer);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, viewer.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, viewer.Name),
            new(ClaimTypes.Email, viewer.Email),
            new("token_id", tokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(viewer.Roles.Select(r => new Claim(ClaimTypes.Role, r.ToString())));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        if ((await HandleAuthenticateOnceSafeAsync()).Failure is InvalidTokenException rejected)
        {
            // RFC 6750 section 3.1: a token was sent and is no good, so the client knows to get a new one.
            Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\", error_description=\"The token is unknown, revoked or expired.\"";
            await Response.WriteAsJsonAsync(new { message = rejected.Message });
            return;
        }
        Response.Headers.WWWAuthenticate = "Bearer";
        await Response.WriteAsJsonAsync(new { message = "Sign in, or send a personal access token as Authorization: Bearer." });
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Response.WriteAsJsonAsync(new { message = "Your account may not do this." });
    }
}

/// <summary>A token was sent but stands for no one now: unknown, revoked, expired, or its account is no longer live.</summary>
public sealed class InvalidTokenException() : Exception("The token is unknown, revoked or expired, or its account is no longer active. Sign in again.");
