using Microsoft.AspNetCore.Authentication;

namespace InclusionNetwork.Silo.Authentication;

/// <summary>
/// A request that sends <c>Authorization: Bearer</c> with a token that stands for no one is
/// answered 401 with <c>WWW-Authenticate: Bearer error="invalid_token"</c> on every endpoint,
/// <c>/graphql</c> included, rather than served as anonymous: a script whose token was
/// revoked (or whose account was deactivated) learns so at once instead of reading an
/// anonymous caller's empty answers. Sign-in endpoints are left alone, since they take
/// credentials, not tokens. A stale session cookie still reads as signed out, so pages
/// simply offer sign-in again.
/// </summary>
public static class InvalidBearerTokenRejection
{
    private static readonly PathString[] SignInPaths = ["/auth/token", "/auth/session"];

    /// <summary>Must follow <c>UseAuthentication</c>; the handler's result is cached per request, so this costs no second lookup.</summary>
    public static IApplicationBuilder UseInvalidBearerTokenRejection(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && !(HttpMethods.IsPost(context.Request.Method) && SignInPaths.Any(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase))))
        {
            var result = await context.AuthenticateAsync(TokenAuthenticationHandler.SchemeName);
            if (result.Failure is InvalidTokenException)
            {
                await context.ChallengeAsync(TokenAuthenticationHandler.SchemeName);
                return;
            }
        }
        await next(context);
    });
}
