using InclusionNetwork.Silo.Database;
using System.Globalization;
using InclusionNetwork.Silo.DataProtection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using System.Text.Encodings.Web;
using InclusionNetwork.Silo.Extensions;
using InclusionNetwork.Web;
using InclusionNetwork.Web.Session;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.FileProviders;

namespace InclusionNetwork.Silo.Web;

/// <summary>
/// Serves the web front end: its static files under <c>/app/</c>, the GraphQL explorer at
/// <c>GET /graphql/ui</c> and the server-rendered pages (src/Web, Razor Pages). An address no
/// page has gets GOV.UK's "Page not found" with 404; under the API prefixes, or for a file, a
/// plain 404, so a mistyped API or asset address is never answered with a page.
/// </summary>
public static class WebAppExtensions
{
    /// <summary>
    /// The Razor pages, run as the signed-in viewer of the session cookie, held to the same
    /// GraphQL limits as <c>/graphql</c>. Posting the sign-in form counts against the same
    /// per-address limit as <c>POST /auth/session</c>.
    /// </summary>
    public static WebApplicationBuilder AddWebPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IPageSession, PageSession>();
        // Antiforgery tokens and TempData are encrypted with Data Protection keys: kept in the shared
        // database, a form drawn by one silo is accepted by any other, and after a restart.
        builder.Services.AddSingleton<PostgresXmlRepository>();
        builder.Services.AddDataProtection().SetApplicationName("inclusion-network");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<PostgresXmlRepository>((options, keys) => options.XmlRepository = keys);
        var county = CountyName(builder.Configuration);
        builder.Services.AddInclusionPages(options =>
        {
            options.CountyName = county;
            options.AssetVersion = file => Version(WebRoot.Find(builder.Configuration, builder.Environment), file);
        }).AddRazorPagesOptions(pages => pages.Conventions.AddPageApplicationModelConvention("/Account/SignIn",
            page => page.EndpointMetadata.Add(new EnableRateLimitingAttribute(IdentityExtensions.SignInRateLimit))));
        builder.Services.AddOptions<WebPagesOptions>().Configure<GraphQLExtensions.GraphQLServing>((options, serving) =>
        {
            options.Limits = serving.Limits;
            options.Admission = serving.Admission;
            options.KnownFailure = DatabaseBusyResponses.AsFieldError;
        });
        return builder;
    }

    private static string CountyName(IConfiguration configuration) =>
        configuration["App:CountyName"] is { Length: > 0 } name ? name : "Kent County Council";

    private static readonly string[] ApiPrefixes = ["/graphql", "/auth", "/calendar", "/reports", "/admin", "/healthz", "/readyz", "/app"];

    /// <summary>Static files first, before authentication, so assets never cost a token lookup.</summary>
    public static WebApplication UseWebAppFiles(this WebApplication app)
    {
        var root = WebRoot.Find(app.Configuration, app.Environment);
        if (root is null)
        {
            app.Logger.LogWarning("The web front end is not built (no wwwroot/app/pages.js); build the Silo with npm on PATH.");
            return app;
        }
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(root, "app")),
            RequestPath = "/app",
            // File names are not fingerprinted, so browsers revalidate (ETag) rather than keep stale code.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }

    public static WebApplication MapWebApp(this WebApplication app)
    {
        var county = CountyName(app.Configuration);
        var root = WebRoot.Find(app.Configuration, app.Environment);
        app.MapGet("/graphql/ui", () => Html(Explorer(county, Version(root, "explorer.js"))));
        // Route matching prefers these over the fallback below, whose pattern matches anything.
        app.MapInclusionPages();
        // Fallbacks lose to every other route, and among them an API prefix's literal segment wins.
        // None matches a file name, so static files and a missing asset's plain 404 are untouched.
        foreach (var prefix in ApiPrefixes)
        {
            app.MapFallback(prefix + "/{**rest:nonfile}", PlainNotFound);
            app.MapFallback(prefix, PlainNotFound);
        }
        app.MapFallbackToPage("{**path:nonfile}", "/Errors/PageNotFound");
        return app;
    }

    private static Task PlainNotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8");

    /// <summary>A query-string version from the bundle's write time, so a new build is fetched at once.</summary>
    private static string Version(string? root, string file) =>
        root is null ? "0" : File.GetLastWriteTimeUtc(Path.Combine(root, "app", file)).Ticks.ToString("x", CultureInfo.InvariantCulture);

    private static string Explorer(string county, string version)
    {
        var c = HtmlEncoder.Default.Encode(county);
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>GraphQL explorer – InclusionNetwork – {{c}}</title>
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <link rel="stylesheet" href="/app/explorer.css?v={{version}}">
              <script type="module" src="/app/explorer.js?v={{version}}"></script>
            </head>
            <body>
              <header><h1 class="app-visually-hidden">GraphQL explorer</h1></header>
              <main id="graphiql" aria-label="GraphQL explorer"><p>Loading the GraphQL explorer…</p></main>
            </body>
            </html>
            """;
    }
}
