using System.Globalization;
using System.Text.Json;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.Bookings;

/// <summary>
/// A school booker books places on a run for staff of their school. Each person is answered
/// on their own (confirmed, on the waiting list, or refused and why), shown after the
/// redirect as "What happened"; a refusal also names the person in the error summary.
/// </summary>
public sealed class BookModel : InclusionPage
{
    public JsonElement Run { get; private set; }

    public JsonElement School { get; private set; }

    /// <summary>The staff ids ticked, kept when the form is shown again.</summary>
    [BindProperty]
    public List<string> StaffIds { get; set; } = [];

    /// <summary>What happened to each person booked, carried over the redirect.</summary>
    [TempData]
    public string? OutcomeJson { get; set; }

    public IReadOnlyList<Outcome> Outcomes { get; private set; } = [];

    public sealed record Outcome(string Name, string Status, string Text, string? Refusal);

    /// <summary>The id of the checkbox for a member of staff: the first is "staffIds", so the error summary can link to the group.</summary>
    public string BoxId(int index) => index == 0 ? "staffIds" : $"staffIds-{(index + 1).ToString(CultureInfo.InvariantCulture)}";

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }
        if (OutcomeJson is { Length: > 0 } json)
        {
            Outcomes = JsonSerializer.Deserialize<List<Outcome>>(json) ?? [];
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }
        var staff = School.GetProperty("staff").EnumerateArray().ToList();
        var names = staff.ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("name").GetString()!, StringComparer.Ordinal);
        // Only people of the school, in the order the page lists them, so the waiting list follows the page.
        var chosen = staff.Select(s => s.GetProperty("id").GetString()!).Where(StaffIds.Contains).ToList();
        if (chosen.Count == 0)
        {
            Errors.Add("staffIds", "Select at least one member of staff");
            return Page();
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "Bookings/BookPlaces.graphql", new { input = new { runId = id, staffIds = chosen } });
        var payload = result.Data.GetProperty("bookPlaces");
        var booked = payload.GetProperty("bookings").EnumerateArray().ToDictionary(b => b.GetProperty("staff").GetProperty("id").GetString()!, StringComparer.Ordinal);
        var errors = payload.GetProperty("errors").EnumerateArray().ToList();
        var outcomes = new List<Outcome>();
        for (var n = 0; n < chosen.Count; n++)
        {
            var staffId = chosen[n];
            if (booked.TryGetValue(staffId, out var booking))
            {
                var status = booking.GetProperty("status").GetString()!;
                outcomes.Add(new Outcome(names[staffId], status, status == "WAITLISTED"
                    ? $"Waiting list, position {booking.GetProperty("waitlistPosition").GetInt32().ToString(CultureInfo.InvariantCulture)}"
                    : Formatting.Format.Label(status), null));
                continue;
            }
            // A refusal names the n-th person sent (input.staffIds.n); one naming no one refuses them all.
            var refusal = errors.FirstOrDefault(e => Path(e) == $"input.staffIds.{n.ToString(CultureInfo.InvariantCulture)}");
            if (refusal.ValueKind != JsonValueKind.Object)
            {
                refusal = errors.FirstOrDefault(e => !Path(e).StartsWith("input.staffIds.", StringComparison.Ordinal));
            }
            var message = refusal.ValueKind == JsonValueKind.Object ? refusal.GetProperty("message").GetString()! : "Not booked.";
            outcomes.Add(new Outcome(names[staffId], "REFUSED", "Not booked", message));
            Errors.Add(BoxId(staff.FindIndex(s => s.GetProperty("id").GetString() == staffId)), $"{names[staffId]}: {message}");
        }
        if (Errors.Any)
        {
            // Shown at once, not after a redirect: whoever was booked is in "What happened", the refused stay ticked.
            Outcomes = outcomes;
            StaffIds = [.. outcomes.Where(o => o.Status == "REFUSED").Select(o => names.First(p => p.Value == o.Name).Key)];
            return Page();
        }
        OutcomeJson = JsonSerializer.Serialize(outcomes);
        return LocalRedirect($"/runs/{Uri.EscapeDataString(id)}/book");
    }

    private static string Path(JsonElement error) =>
        error.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.Array ? string.Join('.', p.EnumerateArray().Select(s => s.GetString())) : "";

    private async Task<IActionResult?> LoadAsync(string id)
    {
        if (OnlyFor(Role.SCHOOL_BOOKER) is { } refused)
        {
            return refused;
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "Bookings/Book.graphql", new { id });
        Run = result.Data.GetProperty("courseRun");
        School = result.Data.GetProperty("me") is { ValueKind: JsonValueKind.Object } me ? me.GetProperty("school") : default;
        if (Run.ValueKind != JsonValueKind.Object || School.ValueKind != JsonValueKind.Object)
        {
            Title = "Run not found";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Title = $"Book places on {Run.GetProperty("course").GetProperty("title").GetString()}";
        return null;
    }
}
