using InclusionNetwork.Silo.Authentication;
using InclusionNetwork.Silo.Database;
using InclusionNetwork.Silo.Endpoints;
using InclusionNetwork.Silo.Extensions;
using InclusionNetwork.Silo.Security;
using InclusionNetwork.Silo.Web;

namespace InclusionNetwork.Silo;

/// <summary>
/// The host's composition, in one place so Program.cs and the end-to-end tests start
/// exactly the same application.
/// </summary>
public static class SiloApplication
{
    /// <param name="configure">Lets tests replace services (a fake clock, say) before the host is built.</param>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddStructuredLogging();
        builder.AddErrorHandling();
        builder.AddForwardedHeaders();
        await builder.AddDatabaseAsync();
        builder.AddCluster();
        builder.AddDomain();
        builder.AddIdentity();
        builder.AddEmail();
        builder.AddDemoData();
        builder.AddGraphQL();
        builder.AddWebPages();
        configure?.Invoke(builder);

        var app = builder.Build();
        await app.ApplyMigrationsAsync();
        await app.LoadDemoDataIfEnabledAsync();

        app.UseErrorHandling();
        app.UseTrustedForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseDatabaseBusyResponses();
        app.UseCrossSiteRequestProtection();
        app.UseWebAppFiles();
        app.UseAuthentication();
        app.UseInvalidBearerTokenRejection();
        app.UseCallerCostBudget();
        app.UseRefusedRequestThrottle();
        app.UseRequestBodyBudget();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapHealthEndpoints();
        app.MapClusterDashboard();
        app.MapAuthEndpoints();
        app.MapSchoolImportEndpoints();
        app.MapInclusionGraphQL();
        app.MapCalendarEndpoints();
        app.MapUptakeReportEndpoints();
        app.MapWebApp();
        return app;
    }
}
