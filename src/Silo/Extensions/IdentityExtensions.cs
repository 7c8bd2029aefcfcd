using System.Threading.RateLimiting;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Silo.Authentication;

namespace InclusionNetwork.Silo.Extensions;

public static class IdentityExtensions
{
    public const string SignInRateLimit = "sign-in";

    /// <summary>
    /// Token authentication (bearer or session cookie), role checks, and a per-address
    /// limit on sign-in attempts on top of the per-account lockout, so one address cannot
    /// sweep many accounts either.
    /// </summary>
    public static WebApplicationBuilder AddIdentity(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<AccountOptions>(builder.Configuration.GetSection("Auth"));
        builder.Services.AddSingleton<AccountService>();
        builder.Services.AddAuthentication(TokenAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        var permitsPerMinute = builder.Configuration.GetValue("Auth:SignInAttemptsPerMinute", 10);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsJsonAsync(
                    new { message = "Too many sign-in attempts from this address. Try again in a minute." }, cancellationToken);
            };
            limiter.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return builder;
    }
}
