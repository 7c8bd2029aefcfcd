using InclusionNetwork.Web.Pages.Shared;
using InclusionNetwork.Web.Session;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.Account;

/// <summary>
/// Sign out changes state, so it is a POST (from the header's button); the GET only offers
/// the button, for someone who followed a link here.
/// </summary>
public sealed class SignOutModel(IPageSession session) : InclusionPage
{
    public void OnGet() => Title = "Sign out";

    public async Task<IActionResult> OnPostAsync()
    {
        await session.EndAsync(HttpContext, HttpContext.RequestAborted);
        return LocalRedirect("/signed-out");
    }
}
