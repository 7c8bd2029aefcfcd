using InclusionNetwork.Web.GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionNetwork.Web;

public static class WebPagesExtensions
{
    /// <summary>
    /// Razor Pages from this assembly, each fetching its data through <see cref="PageGraphQL"/>.
    /// The host supplies <see cref="Session.IPageSession"/> and configures <see cref="WebPagesOptions"/>.
    /// </summary>
    public static IMvcBuilder AddInclusionPages(this IServiceCollection services, Action<WebPagesOptions> configure)
    {
        services.Configure(configure);
        // Razor writes text as it is (still escaping markup), not every non-ASCII letter as an entity: pages stay readable and smaller.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<PageGraphQL>();
        services.AddAntiforgery(options =>
        {
            // Not "__Host-" since tests and the quick start run on plain http://localhost.
            options.Cookie.Name = "inclusion_antiforgery";
            options.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
            options.FormFieldName = "__RequestVerificationToken";
        });
        return services.AddRazorPages()
            .AddMvcOptions(mvc => mvc.Filters.Add<PageGraphQLFailureFilter>())
            .AddApplicationPart(typeof(WebPagesExtensions).Assembly);
    }

    /// <summary>The pages' routes; they take precedence over the host's fallback for the addresses they serve.</summary>
    public static IEndpointRouteBuilder MapInclusionPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRazorPages();
        return endpoints;
    }
}
