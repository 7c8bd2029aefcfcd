using InclusionNetwork.Web.Forms;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.People;

/// <summary>"Forgotten your password?": asks for a reset link, with the same answer whether or not the address has an account.</summary>
public sealed class ForgottenPasswordModel : InclusionPage
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal) { ["email"] = "email" };

    [BindProperty]
    public string? Email { get; set; }

    public void OnGet() => Title = "Forgotten your password?";

    public async Task<IActionResult> OnPostAsync()
    {
        Title = "Forgotten your password?";
        Email = Email?.Trim();
        if (string.IsNullOrEmpty(Email))
        {
            Errors.Add("email", "Enter your email address");
            return Page();
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "People/RequestPasswordReset.graphql", new { input = new { email = Email } });
        foreach (var error in FormErrors.FromUserErrors(result.Data.GetProperty("requestPasswordReset").GetProperty("errors"), Fields, "email").All)
        {
            Errors.Add(error.FieldId, error.Message);
        }
        if (Errors.Any)
        {
            return Page();
        }
        Flash = "If an account uses that email address, we have sent it a link to set a new password. The link works for 1 hour.";
        return LocalRedirect("/forgotten-password");
    }
}
