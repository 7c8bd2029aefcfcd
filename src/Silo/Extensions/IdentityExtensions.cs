using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Silo.Authentication;
using InclusionNetwork.Silo.Security;

namespace InclusionNetwork.Silo.Extensions;

public static class IdentityExtensions
{
    public const string SignInRateLimit = "sign-in";

    public const string GraphQLConcurrencyLimit = "graphql-per-caller";

    /// <summary>
    /// Token authentication (bearer or session cookie), role checks, and a per-address
    /// limit on sign-in attempts on top of the per-account lockout, so one address cannot
    /// sweep many accounts either.
    /// </summary>
    public static WebApplicationBuilder AddIdentity(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<AccountOptions>(builder.Configuration.GetSection("Auth"));
        builder.Services.AddSingleton<AccountService>();
        builder.Services.Configure<PeopleOptions>(builder.Configuration.GetSection("People"));
        builder.Services.PostConfigure<PeopleOptions>(o => o.PublicBaseUrl = builder.Configuration["App:PublicBaseUrl"] ?? o.PublicBaseUrl);
        builder.Services.AddSingleton<InvitationService>();
        builder.Services.AddSingleton<PasswordResetService>();
        builder.Services.AddSingleton<AccountAdministration>();
        builder.Services.AddPrivacy(builder.Configuration);
        // The retention job is one grain for the cluster, ticked by a durable reminder.
        builder.Services.AddHostedService<InclusionNetwork.Silo.Privacy.RetentionSchedule>();
        builder.Services.AddAuthentication(TokenAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        var permitsPerMinute = builder.Configuration.GetValue("Auth:SignInAttemptsPerMinute", 10);
        var concurrentPerCaller = Math.Max(1, builder.Configuration.GetValue("GraphQL:MaxConcurrentRequestsPerCaller", 4));
        var queuedPerCaller = Math.Max(0, builder.Configuration.GetValue("GraphQL:MaxQueuedRequestsPerCaller", 100));
        var queuedSecondsPerCaller = Math.Max(0, builder.Configuration.GetValue("GraphQL:MaxQueuedSecondsPerCaller", 30.0));
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var policy = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
                var signIn = policy == SignInRateLimit;
                if (signIn && InclusionNetwork.Web.Pages.Account.SignInThrottledModel.WantsHtml(context.HttpContext.Request))
                {
                    // A browser posting the sign-in form gets a page it can show, still 429.
                    await InclusionNetwork.Web.Pages.Account.SignInThrottledModel.WriteAsync(context.HttpContext, 60);
                    return;
                }
                context.HttpContext.Response.Headers.RetryAfter = signIn ? "60" : "5";
                await context.HttpContext.Response.WriteAsJsonAsync(new
                {
                    message = signIn
                        ? "Too many sign-in attempts from this address. Try again in a minute."
                        : "Too many requests from you are waiting already. Try again when they have finished.",
                }, cancellationToken);
            };
            // One caller's requests take turns beyond a few at once, so a burst of heavy queries
            // from one account (or one address, signed out) waits on itself instead of taking every
            // connection and core from everyone else; a turn not come within the wait allowed is
            // refused. The wait is wall-clock time (the system's clock, not the business clock
            // tests move).
            limiter.AddPolicy(GraphQLConcurrencyLimit, context => RateLimitPartition.Get(
                CallerKey(context),
                _ => new WaitBoundedLimiter(
                    new ConcurrencyLimiter(new ConcurrencyLimiterOptions
                    {
                        PermitLimit = concurrentPerCaller,
                        QueueLimit = queuedPerCaller,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    }),
                    TimeSpan.FromSeconds(queuedSecondsPerCaller),
                    TimeProvider.System)));
            // Only attempts count: showing the sign-in page (a GET) is free.
            limiter.AddPolicy(SignInRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("page"));
        });
        return builder;
    }

    /// <summary>Whom per-caller limits count a request against: its signed-in account, else its address.</summary>
    public static string CallerKey(HttpContext context) =>
        context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } account
            ? "account:" + account
            : "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
