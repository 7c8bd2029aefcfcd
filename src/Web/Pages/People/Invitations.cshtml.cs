using System.Text.Json;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Web.Forms;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.People;

/// <summary>
/// Invitations not yet accepted, withdrawn or lapsed: admins see every one, a school's bookers
/// their school's; either may withdraw what they see, and its link stops working.
/// </summary>
public sealed class InvitationsModel : InclusionPage
{
    public JsonElement Invitations { get; private set; }

    public async Task<IActionResult> OnGetAsync() => OnlyFor(Role.ADMIN, Role.SCHOOL_BOOKER) ?? await ShowAsync();

    public async Task<IActionResult> OnPostWithdrawAsync(string invitationId)
    {
        if (OnlyFor(Role.ADMIN, Role.SCHOOL_BOOKER) is { } refused)
        {
            return refused;
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "People/WithdrawInvitation.graphql", new { input = new { invitationId } });
        var payload = result.Data.GetProperty("withdrawInvitation");
        foreach (var error in FormErrors.FromUserErrors(payload.GetProperty("errors"), new Dictionary<string, string>(), "invitations").All)
        {
            Errors.Add(error.FieldId, error.Message);
        }
        if (Errors.Any)
        {
            return await ShowAsync();
        }
        Flash = $"The invitation to {payload.GetProperty("invitation").GetProperty("email").GetString()} has been withdrawn.";
        return LocalRedirect("/invitations");
    }

    private async Task<IActionResult> ShowAsync()
    {
        Title = "Invitations";
        var result = await GraphQL.ExecuteAsync(HttpContext, "People/Invitations.graphql");
        Invitations = result.Data.GetProperty("invitations");
        return Page();
    }
}
