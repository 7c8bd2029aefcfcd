using Microsoft.AspNetCore.Authentication;
using System.Globalization;
using System.Security.Claims;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Silo.Authentication;
using InclusionNetwork.Silo.Extensions;

namespace InclusionNetwork.Silo.Endpoints;

/// <summary>
/// Sign-in for scripts (<c>POST /auth/token</c> issues a personal access token) and for
/// browsers (<c>POST /auth/session</c> sets a session cookie), and revocation of either.
/// </summary>
public static class AuthEndpoints
{
    public sealed record TokenRequest(string? Email, string? Password, string? Name, int? ExpiresInDays);

    public sealed record SessionRequest(string? Email, string? Password);

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/auth/token", IssueTokenAsync).RequireRateLimiting(IdentityExtensions.SignInRateLimit);
        app.MapDelete("/auth/token/{id:long}", RevokeTokenAsync).RequireAuthorization();
        app.MapPost("/auth/session", StartSessionAsync).RequireRateLimiting(IdentityExtensions.SignInRateLimit);
        app.MapDelete("/auth/session", EndSessionAsync);
        return app;
    }

    private static async Task<IResult> IssueTokenAsync(TokenRequest? request, AccountService accounts, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Email) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.BadRequest(new { message = "Send JSON with \"email\" and \"password\"." });
        }
        if (request.ExpiresInDays is < 1)
        {
            return TypedResults.BadRequest(new { message = "\"expiresInDays\" must be at least 1." });
        }
        var outcome = await accounts.SignInAsync(request.Email, request.Password, AccessTokenKind.PERSONAL, request.Name, request.ExpiresInDays, cancellationToken);
        return outcome switch
        {
            SignInOutcome.SignedIn signedIn => TypedResults.Created($"/auth/token/{signedIn.Token.Id}",
                new { id = signedIn.Token.Id.ToString(CultureInfo.InvariantCulture), token = signedIn.Token.Secret, expiresAt = signedIn.Token.ExpiresAt }),
            SignInOutcome.LockedOut locked => Locked(locked),
            _ => WrongCredentials(),
        };
    }

    private static async Task<IResult> RevokeTokenAsync(long id, ClaimsPrincipal user, AccountService accounts, CancellationToken cancellationToken)
    {
        var accountId = long.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture);
        return await accounts.RevokeTokenAsync(accountId, id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.NotFound(new { message = "You have no live token with that id." });
    }

    private static async Task<IResult> StartSessionAsync(SessionRequest? request, HttpContext context, AccountService accounts, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Email) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.BadRequest(new { message = "Enter your email address and password." });
        }
        var outcome = await accounts.SignInAsync(request.Email, request.Password, AccessTokenKind.SESSION, cancellationToken: cancellationToken);
        switch (outcome)
        {
            case SignInOutcome.SignedIn signedIn:
                context.Response.Cookies.Append(TokenAuthenticationHandler.SessionCookie, signedIn.Token.Secret, new CookieOptions
                {
                    HttpOnly = true,
                    Secure = true,
                    SameSite = SameSiteMode.Lax,
                    Path = "/",
                    Expires = signedIn.Token.ExpiresAt,
                });
                return TypedResults.Ok(new { name = signedIn.Viewer.Name, roles = signedIn.Viewer.Roles.Select(r => r.ToString()).Order() });
            case SignInOutcome.LockedOut locked:
                return Locked(locked);
            default:
                return WrongCredentials();
        }
    }

    private static async Task<IResult> EndSessionAsync(HttpContext context, AccountService accounts, CancellationToken cancellationToken)
    {
        var result = await context.AuthenticateAsync(TokenAuthenticationHandler.SchemeName);
        if (result.Succeeded && context.Request.Cookies.ContainsKey(TokenAuthenticationHandler.SessionCookie))
        {
            var accountId = long.Parse(result.Principal.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture);
            var tokenId = long.Parse(result.Principal.FindFirstValue("token_id")!, CultureInfo.InvariantCulture);
            await accounts.RevokeTokenAsync(accountId, tokenId, cancellationToken);
        }
        context.Response.Cookies.Delete(TokenAuthenticationHandler.SessionCookie, new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/" });
        return TypedResults.NoContent();
    }

    private static IResult WrongCredentials() =>
        TypedResults.Json(new { message = "The email address or password is not right." }, statusCode: StatusCodes.Status401Unauthorized);

    private static IResult Locked(SignInOutcome.LockedOut locked) =>
        TypedResults.Json(new { message = $"This account is locked after repeated failed sign-ins until {locked.Until:u}." },
            statusCode: StatusCodes.Status429TooManyRequests);
}
