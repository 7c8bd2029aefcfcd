using InclusionNetwork.Web.Pages.Shared;
using InclusionNetwork.Web.Session;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.Account;

/// <summary>Sign in with email and password: the session cookie of <c>POST /auth/session</c>, set by a form that posts here.</summary>
public sealed class SignInModel(IPageSession session) : InclusionPage
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnTo { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public void OnGet() => Title = "Sign in";

    public async Task<IActionResult> OnPostAsync()
    {
        Title = "Sign in";
        Email = Email?.Trim();
        if (string.IsNullOrEmpty(Email))
        {
            Errors.Add("email", "Enter your email address");
        }
        if (string.IsNullOrEmpty(Password))
        {
            Errors.Add("password", "Enter your password");
        }
        if (Errors.Any)
        {
            return Page();
        }
        var outcome = await session.StartAsync(HttpContext, Email!, Password!, HttpContext.RequestAborted);
        if (outcome is SessionStart.Refused refused)
        {
            Errors.Add("email", refused.Message);
            return Page();
        }
        return LocalRedirect(SafeReturn(ReturnTo));
    }
}
