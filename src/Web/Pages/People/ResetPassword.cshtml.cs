using InclusionNetwork.Web.Forms;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.People;

/// <summary>The link in a reset email: set a new password; every session of the account ends, so they sign in again.</summary>
public sealed class ResetPasswordModel : InclusionPage
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal) { ["password"] = "password" };

    [BindProperty]
    public string? Password { get; set; }

    public void OnGet() => Title = "Set a new password";

    public async Task<IActionResult> OnPostAsync(string token)
    {
        Title = "Set a new password";
        if (string.IsNullOrEmpty(Password))
        {
            Errors.Add("password", "Enter a new password");
            return Page();
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "People/ResetPassword.graphql", new { input = new { token, password = Password } });
        foreach (var error in FormErrors.FromUserErrors(result.Data.GetProperty("resetPassword").GetProperty("errors"), Fields, "password").All)
        {
            Errors.Add(error.FieldId, error.Message);
        }
        if (Errors.Any)
        {
            return Page();
        }
        Flash = "Your password has been changed. Sign in with your new password.";
        return LocalRedirect("/sign-in");
    }
}
