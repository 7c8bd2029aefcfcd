using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using InclusionNetwork.Web.Pages.Shared;

namespace InclusionNetwork.Web.Pages.Errors;

/// <summary>
/// GOV.UK's "Page not found", with 404, for every address no page has: the host maps it as its
/// fallback. A form posted to such an address gets the same answer, so no antiforgery token is asked.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class PageNotFoundModel : InclusionPage
{
    public PageNotFoundModel() => Title = "Page not found";

    // Whatever the method, and whether or not a handler matched: never a 200.
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context) =>
        Response.StatusCode = StatusCodes.Status404NotFound;
}
