using InclusionNetwork.Grains.Messages;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionNetwork.Web.Pages.Notifications;

/// <summary>
/// The one-click link at the foot of every reminder and prompt: a page with one button, no
/// signing in. The POST is also what mail clients send for RFC 8058 one-click unsubscribe
/// (<c>List-Unsubscribe=One-Click</c>, no cookie and no antiforgery token), so the token in the
/// address is the only credential. A token works once; an unknown or used one gets the same
/// "this link does not work" page with 404, so the page says nothing about which it was.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel : InclusionPage
{
    /// <summary>What the link turns off (before the POST) or turned off (after it).</summary>
    public NotificationCategory? Category { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        Title = "Stop these emails";
        Category = await Store.PeekAsync(token, HttpContext.RequestAborted);
        return Answer();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        Title = "Stop these emails";
        Category = await Store.UnsubscribeAsync(token, HttpContext.RequestAborted);
        Done = Category is not null;
        return Answer();
    }

    /// <summary>The kind of message, as the page names it.</summary>
    public string What => Category == NotificationCategory.Prompt ? "requests for evaluations and follow-ups" : "reminders";

    private NotificationPreferenceStore Store => HttpContext.RequestServices.GetRequiredService<NotificationPreferenceStore>();

    private IActionResult Answer()
    {
        if (Category is null)
        {
            Title = "This link does not work";
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }
}
