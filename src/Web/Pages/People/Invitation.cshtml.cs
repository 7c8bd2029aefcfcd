using System.Text.Json;
using InclusionNetwork.Web.Forms;
using InclusionNetwork.Web.Pages.Shared;
using InclusionNetwork.Web.Session;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.People;

/// <summary>
/// The link in an invitation email: shows who invited them and to what, asks for a password,
/// and accepting creates the account and signs it in. Anyone holding the link may use it.
/// </summary>
public sealed class InvitationModel(IPageSession session) : InclusionPage
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal) { ["password"] = "password" };

    public JsonElement Preview { get; private set; }

    [BindProperty]
    public string? Password { get; set; }

    public async Task<IActionResult> OnGetAsync(string token) => await ShowAsync(token);

    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (string.IsNullOrEmpty(Password))
        {
            Errors.Add("password", "Enter a password");
            return await ShowAsync(token);
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "People/AcceptInvitation.graphql", new { input = new { token, password = Password } });
        var payload = result.Data.GetProperty("acceptInvitation");
        foreach (var error in FormErrors.FromUserErrors(payload.GetProperty("errors"), Fields, "password").All)
        {
            Errors.Add(error.FieldId, error.Message);
        }
        if (Errors.Any || payload.GetProperty("session") is not { ValueKind: JsonValueKind.Object } started)
        {
            return await ShowAsync(token);
        }
        session.Adopt(HttpContext, started.GetProperty("token").GetString()!, started.GetProperty("expiresAt").GetDateTimeOffset());
        Flash = "Your account is ready and you are signed in.";
        return LocalRedirect("/");
    }

    private async Task<IActionResult> ShowAsync(string token)
    {
        var result = await GraphQL.ExecuteAsync(HttpContext, "People/Invitation.graphql", new { token });
        Preview = result.Data.ValueKind == JsonValueKind.Object ? result.Data.GetProperty("invitationByToken") : default;
        if (Preview.ValueKind != JsonValueKind.Object)
        {
            Title = "This invitation link does not work";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Title = "Accept your invitation";
        return Page();
    }
}
