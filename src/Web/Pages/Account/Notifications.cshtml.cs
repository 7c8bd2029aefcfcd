using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.Account;

/// <summary>
/// Everyone's own choice of which emails to get: reminders and prompts can be turned off;
/// offers, cancellations and changes are always sent, so the page says so rather than offering them.
/// </summary>
public sealed class NotificationsModel : InclusionPage
{
    public bool Reminders { get; private set; } = true;

    public bool Prompts { get; private set; } = true;

    /// <summary>The boxes ticked on the form: "reminders", "prompts", both or none.</summary>
    [BindProperty]
    public List<string> Wanted { get; set; } = [];

    public async Task<IActionResult> OnGetAsync() => OnlyFor() ?? await ShowAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (OnlyFor() is { } refused)
        {
            return refused;
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "Account/UpdateNotificationPreferences.graphql",
            new { input = new { reminders = Wanted.Contains("reminders"), prompts = Wanted.Contains("prompts") } });
        var payload = result.Data.GetProperty("updateNotificationPreferences");
        foreach (var error in payload.GetProperty("errors").EnumerateArray())
        {
            Errors.Add("wanted", error.GetProperty("message").GetString() ?? "Your choices could not be saved");
        }
        if (Errors.Any)
        {
            return await ShowAsync();
        }
        Flash = "Your email choices have been saved.";
        return LocalRedirect("/account/notifications");
    }

    private async Task<IActionResult> ShowAsync()
    {
        Title = "Emails you get";
        var result = await GraphQL.ExecuteAsync(HttpContext, "Account/NotificationPreferences.graphql");
        var preferences = result.Data.GetProperty("me").GetProperty("notificationPreferences");
        Reminders = preferences.GetProperty("reminders").GetBoolean();
        Prompts = preferences.GetProperty("prompts").GetBoolean();
        return Page();
    }
}
