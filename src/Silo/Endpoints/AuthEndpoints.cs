using Microsoft.AspNetCore.Authentication;
using System.Globalization;
using System.Security.Claims;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
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

    /// <summary>The longest email address (RFC 5321) and token name accepted.</summary>
    public const int MaxEmailLength = 254;

    public const int MaxTokenNameLength = 200;

    /// <summary>Long enough for any passphrase, short enough that hashing it costs nothing extra.</summary>
    public const int MaxPasswordLength = 1_000;

    private static async Task<IResult> IssueTokenAsync(TokenRequest? request, HttpContext context, AccountService accounts, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Email) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.BadRequest(new { message = "Send JSON with \"email\" and \"password\"." });
        }
        if (request.ExpiresInDays is < 1)
        {
            return TypedResults.BadRequest(new { message = "\"expiresInDays\" must be at least 1." });
        }
        if ((Invalid(request.Email, request.Password) ?? InvalidText("name", request.Name, MaxTokenNameLength)) is { } invalid)
        {
            return invalid;
        }
        var outcome = await accounts.SignInAsync(request.Email, request.Password, SessionCookies.ClientAddress(context), AccessTokenKind.PERSONAL,
            request.Name?.Trim(), request.ExpiresInDays, cancellationToken);
        return outcome switch
        {
            SignInOutcome.SignedIn signedIn => TypedResults.Created($"/auth/token/{signedIn.Token.Id}",
                new { id = signedIn.Token.Id.ToString(CultureInfo.InvariantCulture), token = signedIn.Token.Secret, expiresAt = signedIn.Token.ExpiresAt }),
            SignInOutcome.Throttled throttled => TooManyFailures(context, throttled),
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
        if (Invalid(request.Email, request.Password) is { } invalid)
        {
            return invalid;
        }
        var outcome = await SessionCookies.StartAsync(context, accounts, request.Email, request.Password, cancellationToken);
        return outcome switch
        {
            SignInOutcome.SignedIn signedIn => TypedResults.Ok(new { name = signedIn.Viewer.Name, roles = signedIn.Viewer.Roles.Select(r => r.ToString()).Order() }),
            SignInOutcome.Throttled throttled => TooManyFailures(context, throttled),
            _ => WrongCredentials(),
        };
    }

    private static async Task<IResult> EndSessionAsync(HttpContext context, AccountService accounts, CancellationToken cancellationToken)
    {
        await SessionCookies.EndAsync(context, accounts, cancellationToken);
        return TypedResults.NoContent();
    }

    private static IResult WrongCredentials() =>
        TypedResults.Json(new { message = SessionCookies.WrongCredentialsMessage }, statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>
    /// The same words for every email address, known or not, and for a slowed client address,
    /// so the answer says nothing about which accounts exist.
    /// </summary>
    private static IResult TooManyFailures(HttpContext context, SignInOutcome.Throttled throttled)
    {
        var wait = SessionCookies.SecondsToWait(context, throttled);
        context.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Json(
            new { message = SessionCookies.TooManyFailuresMessage(wait) },
            statusCode: StatusCodes.Status429TooManyRequests);
    }

    private static IResult? Invalid(string email, string password) =>
        InvalidText("email", email, MaxEmailLength) ?? InvalidText("password", password, MaxPasswordLength);

    /// <summary>Text no account could hold (too long, or with a NUL character) is refused before any lookup.</summary>
    private static IResult? InvalidText(string field, string? value, int maxLength)
    {
        if (value is null)
        {
            return null;
        }
        if (value.Length > maxLength)
        {
            return TypedResults.BadRequest(new { message = $"\"{field}\" may be at most {maxLength} characters long." });
        }
        return value.Contains('\0', StringComparison.Ordinal)
            ? TypedResults.BadRequest(new { message = $"\"{field}\" must not contain the NUL character." })
            : null;
    }
}
