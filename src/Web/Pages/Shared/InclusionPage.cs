using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Web.Forms;
using InclusionNetwork.Web.GraphQL;
using InclusionNetwork.Web.Session;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
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

    /// <summary>
    /// For pages that are only for some people: null when the viewer may go on; otherwise a
    /// signed-out visitor is sent to sign in and brought back, and a signed-in one without any
    /// of <paramref name="roles"/> gets GOV.UK's "You cannot use this page" with 403. The page's
    /// GraphQL document is still the judge of what it shows; this only spares a page of errors.
    /// </summary>
    protected IActionResult? OnlyFor(params Role[] roles)
    {
        if (Viewer is not { } viewer)
        {
            return Redirect("/sign-in?returnTo=" + Uri.EscapeDataString(Request.Path + Request.QueryString));
        }
        if (roles.Length == 0 || roles.Any(viewer.Has))
        {
            return null;
        }
        return NotForYou();
    }

    /// <summary>GOV.UK's "You cannot use this page", 403.</summary>
    protected IActionResult NotForYou() => new ViewResult
    {
        ViewName = "/Pages/Shared/_NotAllowed.cshtml",
        StatusCode = StatusCodes.Status403Forbidden,
        ViewData = new ViewDataDictionary<NotAllowedModel>(new EmptyModelMetadataProvider(), ModelState) { Model = new NotAllowedModel { PageContext = PageContext } },
    };

    /// <summary>Only a path on this site, so a crafted link cannot send people elsewhere after signing in.</summary>
    public static string SafeReturn(string? value) =>
        value is { Length: > 0 } && value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal)
            && !value.StartsWith("/\\", StringComparison.Ordinal) && !value.StartsWith("/sign-in", StringComparison.OrdinalIgnoreCase)
            ? value
            : "/";
}
