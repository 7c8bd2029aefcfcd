using System.Globalization;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;

namespace InclusionNetwork.Web.Pages.Account;

/// <summary>
/// What a browser is shown, with status 429, when the sign-in form was posted too often from
/// its address: a GOV.UK page saying how long to wait, not the JSON answer API clients get.
/// Not a page of its own address: the rate limiter draws it in place of the sign-in page.
/// </summary>
public sealed class SignInThrottledModel : InclusionPage
{
    public SignInThrottledModel(int secondsToWait)
    {
        Title = "Too many attempts to sign in";
        SecondsToWait = Math.Max(1, secondsToWait);
    }

    public int SecondsToWait { get; }

    public string WaitDescription => SecondsToWait % 60 == 0
        ? SecondsToWait == 60 ? "a minute" : $"{(SecondsToWait / 60).ToString(CultureInfo.InvariantCulture)} minutes"
        : $"{SecondsToWait.ToString(CultureInfo.InvariantCulture)} second{(SecondsToWait == 1 ? "" : "s")}";

    /// <summary>Whether the caller asked for a page (a browser's form post) rather than JSON.</summary>
    public static bool WantsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>Writes the page with status 429 and Retry-After.</summary>
    public static Task WriteAsync(HttpContext context, int secondsToWait)
    {
        var actionContext = new ActionContext(context, context.GetRouteData(), new ActionDescriptor());
        var model = new SignInThrottledModel(secondsToWait) { PageContext = new PageContext(actionContext) };
        context.Response.Headers.RetryAfter = model.SecondsToWait.ToString(CultureInfo.InvariantCulture);
        return new ViewResult
        {
            ViewName = "/Pages/Account/SignInThrottled.cshtml",
            StatusCode = StatusCodes.Status429TooManyRequests,
            ViewData = new ViewDataDictionary<SignInThrottledModel>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model },
        }.ExecuteResultAsync(actionContext);
    }
}
