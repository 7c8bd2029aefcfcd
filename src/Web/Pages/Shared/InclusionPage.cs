using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Web.Forms;
using InclusionNetwork.Web.GraphQL;
using InclusionNetwork.Web.Session;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionNetwork.Web.Pages.Shared;

/// <summary>
/// What every page has: its title (the layout writes "Page – Service – Council", with
/// "Error: " in front when the form has problems), the form's errors, the signed-in viewer,
/// and its GraphQL document runner.
/// </summary>
public abstract class InclusionPage : PageModel
{
    public string Title { get; protected set; } = "";

    public FormErrors Errors { get; } = new();

    /// <summary>One line shown in a success banner at the top of the page, after a POST/redirect/GET.</summary>
    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Flash { get; set; }

    public Viewer? Viewer => HttpContext.RequestServices.GetRequiredService<IPageSession>().Viewer(HttpContext);

    /// <summary>Now, from the domain clock (tests may move it), never the machine's clock directly.</summary>
    public DateTimeOffset Now => HttpContext.RequestServices.GetRequiredService<InclusionNetwork.Grains.Common.DomainClock>().GetUtcNow();

    protected PageGraphQL GraphQL => HttpContext.RequestServices.GetRequiredService<PageGraphQL>();

    /// <summary>Only a path on this site, so a crafted link cannot send people elsewhere after signing in.</summary>
    public static string SafeReturn(string? value) =>
        value is { Length: > 0 } && value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal)
            && !value.StartsWith("/\\", StringComparison.Ordinal) && !value.StartsWith("/sign-in", StringComparison.OrdinalIgnoreCase)
            ? value
            : "/";
}
