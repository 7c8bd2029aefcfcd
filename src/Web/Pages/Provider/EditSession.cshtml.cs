using System.Globalization;
using System.Text.Json;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Web.Forms;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.Provider;

/// <summary>
/// Changes one session's date and times (London wall-clock time, as a run is published with).
/// Everyone booked and their schools' bookers are told. The course's provider and admins only;
/// the mutation is the judge.
/// </summary>
public sealed class EditSessionModel : InclusionPage
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public JsonElement Run { get; private set; }

    /// <summary>The session's number in the run, from 1.</summary>
    public int Number { get; private set; }

    [BindProperty]
    public string? Date { get; set; }

    [BindProperty]
    public string? Starts { get; set; }

    [BindProperty]
    public string? Ends { get; set; }

    public async Task<IActionResult> OnGetAsync(string runId, string sessionId)
    {
        if (await LoadAsync(runId, sessionId) is { } stop)
        {
            return stop;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string runId, string sessionId)
    {
        if (await LoadAsync(runId, sessionId) is { } stop)
        {
            return stop;
        }
        var date = PublishRunModel.ParseDate(Date);
        var starts = PublishRunModel.ParseTime(Starts);
        var ends = PublishRunModel.ParseTime(Ends);
        if (date is null)
        {
            Errors.Add("date", "Enter a real date, like 2027-03-27");
        }
        if (starts is null)
        {
            Errors.Add("starts", "Enter the start time, like 09:30");
        }
        if (ends is null)
        {
            Errors.Add("ends", "Enter the end time, like 15:30");
        }
        if (Errors.Any)
        {
            return Page();
        }
        var input = new { sessionId, startsAt = PublishRunModel.London(date!.Value, starts!.Value), endsAt = PublishRunModel.London(date.Value, ends!.Value) };
        var result = await GraphQL.ExecuteAsync(HttpContext, "Provider/MoveSession.graphql", new { input });
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["startsAt"] = "starts", ["endsAt"] = "ends", ["sessionId"] = "date" };
        foreach (var error in FormErrors.FromUserErrors(result.Data.GetProperty("moveSession").GetProperty("errors"), fields, "date").All)
        {
            Errors.Add(error.FieldId, error.Message);
        }
        if (Errors.Any)
        {
            return Page();
        }
        Flash = $"Session {Number.ToString(CultureInfo.InvariantCulture)} has a new time. Everyone booked has been told.";
        return LocalRedirect($"/runs/{Uri.EscapeDataString(runId)}/register");
    }

    private async Task<IActionResult?> LoadAsync(string runId, string sessionId)
    {
        if (OnlyFor(Role.PROVIDER, Role.ADMIN) is { } refused)
        {
            return refused;
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "Provider/EditSession.graphql", new { id = runId });
        Run = result.Data.ValueKind == JsonValueKind.Object ? result.Data.GetProperty("courseRun") : default;
        var sessions = Run.ValueKind == JsonValueKind.Object ? Run.GetProperty("sessions").EnumerateArray().ToList() : [];
        var index = sessions.FindIndex(s => s.GetProperty("id").GetString() == sessionId);
        if (index < 0)
        {
            Run = default;
            Title = "Session not found";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Number = index + 1;
        // The form starts from the session's current time, as London shows it.
        var startsAt = TimeZoneInfo.ConvertTime(sessions[index].GetProperty("startsAt").GetDateTimeOffset(), Zone);
        var endsAt = TimeZoneInfo.ConvertTime(sessions[index].GetProperty("endsAt").GetDateTimeOffset(), Zone);
        Date ??= startsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Starts ??= startsAt.ToString("HH:mm", CultureInfo.InvariantCulture);
        Ends ??= endsAt.ToString("HH:mm", CultureInfo.InvariantCulture);
        Title = $"Change the time of session {Number.ToString(CultureInfo.InvariantCulture)}";
        return null;
    }
}
