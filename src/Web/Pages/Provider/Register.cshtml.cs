using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Web.Forms;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.Provider;

/// <summary>
/// A run's register for its provider and admins: attendance session by session, the
/// delegate list as CSV, and cancelling the run with a reason the schools are told.
/// </summary>
public sealed class RegisterModel : InclusionPage
{
    private static readonly Dictionary<string, string> CancelFields = new(StringComparer.Ordinal) { ["reason"] = "reason" };

    public JsonElement Run { get; private set; }

    /// <summary>Confirmed bookings, by name: the people the register is taken for.</summary>
    public IReadOnlyList<JsonElement> Confirmed { get; private set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAttendanceAsync(string id, string sessionId, List<string> present)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }
        if (!Run.GetProperty("sessions").EnumerateArray().Any(s => s.GetProperty("id").GetString() == sessionId))
        {
            Errors.Add("register", "Choose a session of this run");
            return Page();
        }
        // Every confirmed person is answered: ticked is present, unticked absent.
        var attendance = Confirmed.Select(b => b.GetProperty("id").GetString()!)
            .Select(bookingId => new { bookingId, present = present.Contains(bookingId) }).ToList();
        var result = await GraphQL.ExecuteAsync(HttpContext, "Provider/RecordAttendance.graphql", new { input = new { sessionId, attendance } });
        var errors = result.Data.GetProperty("recordAttendance").GetProperty("errors");
        foreach (var error in FormErrors.FromUserErrors(errors, new Dictionary<string, string>(StringComparer.Ordinal), $"session-{sessionId}").All)
        {
            Errors.Add(error.FieldId, error.Message);
        }
        if (Errors.Any)
        {
            return Page();
        }
        Flash = $"Attendance saved: {attendance.Count(a => a.present).ToString(CultureInfo.InvariantCulture)} of {attendance.Count.ToString(CultureInfo.InvariantCulture)} present.";
        return LocalRedirect($"/runs/{Uri.EscapeDataString(id)}/register");
    }

    public async Task<IActionResult> OnPostCancelAsync(string id)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }
        var reason = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();
        var result = await GraphQL.ExecuteAsync(HttpContext, "Provider/CancelRun.graphql", new { input = new { runId = id, reason } });
        foreach (var error in FormErrors.FromUserErrors(result.Data.GetProperty("cancelRun").GetProperty("errors"), CancelFields, "reason").All)
        {
            Errors.Add(error.FieldId, error.Message);
        }
        if (Errors.Any)
        {
            return Page();
        }
        Flash = "The run is cancelled. Every booking on it is cancelled and the schools are told.";
        return LocalRedirect($"/runs/{Uri.EscapeDataString(id)}/register");
    }

    /// <summary>
    /// The delegate list: everyone booked (confirmed, offered or waiting), with their school and
    /// attendance at each session, as CSV for the trainer's own records.
    /// </summary>
    public async Task<IActionResult> OnGetDelegatesAsync(string id)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }
        var sessions = Run.GetProperty("sessions").EnumerateArray().ToList();
        var people = Run.GetProperty("bookings").EnumerateArray()
            .Where(b => b.GetProperty("status").GetString() != "CANCELLED")
            .OrderBy(b => b.GetProperty("status").GetString() == "CONFIRMED" ? 0 : 1)
            .ThenBy(b => b.GetProperty("staff").GetProperty("name").GetString(), StringComparer.Ordinal)
            .ToList();
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        // Escaped, since the list is opened in spreadsheets and a name typed as "=..." must not run as a formula.
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteRecord([
                "Name", "Role", "Email", "School", "URN", "Status", "Booked",
                .. sessions.Select((s, n) => $"Session {(n + 1).ToString(CultureInfo.InvariantCulture)} ({Formatting.Format.DateTime(s.GetProperty("startsAt").GetDateTimeOffset())})"),
            ]);
            foreach (var booking in people)
            {
                var staff = booking.GetProperty("staff");
                var attendance = booking.GetProperty("attendance").EnumerateArray().ToList();
                csv.WriteRecord([
                    staff.GetProperty("name").GetString(),
                    Formatting.Format.Label(staff.GetProperty("role").GetString()),
                    staff.GetProperty("email").GetString() ?? "",
                    booking.GetProperty("school").GetProperty("name").GetString(),
                    booking.GetProperty("school").GetProperty("urn").GetString(),
                    Formatting.Format.Label(booking.GetProperty("status").GetString()),
                    Formatting.Format.InLondon(booking.GetProperty("bookedAt").GetDateTimeOffset()).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    .. sessions.Select(session => attendance.FirstOrDefault(a => a.GetProperty("session").GetProperty("id").GetString() == session.GetProperty("id").GetString()) is { ValueKind: JsonValueKind.Object } mark
                        ? mark.GetProperty("present").GetBoolean() ? "Present" : "Absent"
                        : ""),
                ]);
            }
        }
        var name = $"delegates-run-{id}.csv";
        return File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", name);
    }

    private async Task<IActionResult?> LoadAsync(string id)
    {
        if (OnlyFor(Role.PROVIDER, Role.ADMIN) is { } refused)
        {
            return refused;
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "Provider/Register.graphql", new { id });
        Run = result.Data.ValueKind == JsonValueKind.Object ? result.Data.GetProperty("courseRun") : default;
        if (Run.ValueKind != JsonValueKind.Object)
        {
            Title = "Run not found";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Confirmed = [.. Run.GetProperty("bookings").EnumerateArray()
            .Where(b => b.GetProperty("status").GetString() == "CONFIRMED")
            .OrderBy(b => b.GetProperty("staff").GetProperty("name").GetString(), StringComparer.Ordinal)];
        Title = $"Register: {Run.GetProperty("course").GetProperty("title").GetString()}";
        return null;
    }
}
