namespace InclusionNetwork.Silo.Security;

/// <summary>
/// Refuses state-changing requests (anything but GET, HEAD and OPTIONS) that a browser
/// says come from another site, so a page elsewhere cannot use a signed-in person's
/// session cookie to book, cancel or sign in (cross-site request forgery). It reads the
/// headers browsers set and pages cannot forge: <c>Sec-Fetch-Site</c> when present, else
/// <c>Origin</c> compared with the request's own host. Requests with neither come from
/// programs, not browsers, and pass; so do requests carrying a bearer token, which no
/// other site can attach. This is the check of Go's net/http CrossOriginProtection, on
/// top of the session cookie's SameSite=Lax.
/// </summary>
public sealed class CrossSiteRequestProtection(RequestDelegate next, IConfiguration configuration)
{
    private readonly HashSet<string> trustedOrigins = TrustedOrigins(configuration);

    public async Task InvokeAsync(HttpContext context)
    {
        if (Allows(context.Request))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await context.Response.WriteAsJsonAsync(new { message = "Cross-site requests that change data are refused. Use the service's own pages." });
    }

    internal bool Allows(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return true;
        }
        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && trustedOrigins.Contains(origin))
        {
            return true;
        }
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            // "none" is a navigation the person started themselves (typed address, bookmark).
            return fetchSite is "same-origin" or "none";
        }
        if (origin.Length == 0)
        {
            return true;
        }
        return Uri.TryCreate(origin, UriKind.Absolute, out var originUri)
            && string.Equals(originUri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The public address (behind a proxy the Host header may differ from it) is always trusted.</summary>
    private static HashSet<string> TrustedOrigins(IConfiguration configuration)
    {
        var origins = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (Uri.TryCreate(configuration["App:PublicBaseUrl"], UriKind.Absolute, out var publicBase))
        {
            origins.Add(publicBase.GetLeftPart(UriPartial.Authority));
        }
        foreach (var origin in configuration.GetSection("Security:TrustedOrigins").Get<string[]>() ?? [])
        {
            origins.Add(origin.TrimEnd('/'));
        }
        return origins;
    }
}

public static class CrossSiteRequestProtectionExtensions
{
    public static IApplicationBuilder UseCrossSiteRequestProtection(this IApplicationBuilder app) =>
        app.UseMiddleware<CrossSiteRequestProtection>();
}
