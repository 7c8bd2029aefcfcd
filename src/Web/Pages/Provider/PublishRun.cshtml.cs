using System.Globalization;
using System.Text.Json;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Web.Forms;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.Provider;

/// <summary>
/// Publishes a run of a course: up to <see cref="SessionRows"/> dated sessions (blank rows are
/// left out), in person at a venue in a district or online, its capacity, the most places one
/// school may hold, and when booking closes. Times are London wall-clock times. The course's
/// provider and admins only; the mutation is the judge.
/// </summary>
public sealed class PublishRunModel : InclusionPage
{
    public const int SessionRows = 4;

    public JsonElement Course { get; private set; }

    public IReadOnlyList<Components.Govuk.Option> Districts { get; private set; } = [];

    [BindProperty]
    public List<SessionRow> Sessions { get; set; } = [.. Enumerable.Range(0, SessionRows).Select(_ => new SessionRow())];

    [BindProperty]
    public string? Delivery { get; set; }

    [BindProperty]
    public string? Venue { get; set; }

    [BindProperty]
    public string? DistrictId { get; set; }

    [BindProperty]
    public string? Capacity { get; set; }

    [BindProperty]
    public string? MaxPlacesPerSchool { get; set; }

    [BindProperty]
    public string? ClosesDate { get; set; }

    [BindProperty]
    public string? ClosesTime { get; set; }

    public sealed class SessionRow
    {
        public string? Date { get; set; }

        public string? Starts { get; set; }

        public string? Ends { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Date) && string.IsNullOrWhiteSpace(Starts) && string.IsNullOrWhiteSpace(Ends);
    }

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }
        while (Sessions.Count < SessionRows)
        {
            Sessions.Add(new SessionRow());
        }
        // The submitted sessions, and which row of the form each came from, for errors naming sessions.n.
        var rows = new List<int>();
        var sessions = new List<object>();
        for (var n = 0; n < Sessions.Count && n < SessionRows; n++)
        {
            var row = Sessions[n];
            if (row.IsBlank)
            {
                continue;
            }
            var date = ParseDate(row.Date);
            var starts = ParseTime(row.Starts);
            var ends = ParseTime(row.Ends);
            if (date is null)
            {
                Errors.Add($"session-{n}-date", $"Session {n + 1}: enter a real date, like 2027-03-27");
            }
            if (starts is null)
            {
                Errors.Add($"session-{n}-starts", $"Session {n + 1}: enter the start time, like 09:30");
            }
            if (ends is null)
            {
                Errors.Add($"session-{n}-ends", $"Session {n + 1}: enter the end time, like 15:30");
            }
            if (date is { } d && starts is { } s && ends is { } e)
            {
                rows.Add(n);
                sessions.Add(new { startsAt = London(d, s), endsAt = London(d, e) });
            }
        }
        if (sessions.Count == 0 && !Errors.Any)
        {
            Errors.Add("session-0-date", "Enter the date and times of at least one session");
        }
        var online = Delivery == "ONLINE";
        if (Delivery is not ("ONLINE" or "IN_PERSON"))
        {
            Errors.Add("delivery", "Choose in person or online");
        }
        var capacity = ParseCount(Capacity, "capacity", "Capacity must be a whole number, like 24", required: true);
        var cap = ParseCount(MaxPlacesPerSchool, "maxPlacesPerSchool", "The most places per school must be a whole number, like 2", required: false);
        string? closes = null;
        if (!string.IsNullOrWhiteSpace(ClosesDate) || !string.IsNullOrWhiteSpace(ClosesTime))
        {
            if (ParseDate(ClosesDate) is not { } closesDate)
            {
                Errors.Add("closesDate", "Enter the date booking closes, like 2027-03-20, or leave it empty");
            }
            else
            {
                closes = London(closesDate, ParseTime(ClosesTime) ?? new TimeOnly(17, 0));
            }
        }
        if (Errors.Any)
        {
            return Page();
        }
        var input = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["courseId"] = id,
            ["sessions"] = sessions,
            ["venue"] = online ? null : Venue?.Trim(),
            ["districtId"] = online || string.IsNullOrEmpty(DistrictId) ? null : DistrictId,
            ["capacity"] = capacity,
            ["maxPlacesPerSchool"] = cap,
            ["bookingClosesAt"] = closes,
        };
        var result = await GraphQL.ExecuteAsync(HttpContext, "Provider/ScheduleRun.graphql", new { input });
        var payload = result.Data.GetProperty("scheduleRun");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sessions"] = $"session-{(rows.Count > 0 ? rows[0] : 0)}-date",
            ["venue"] = "venue",
            ["districtId"] = "districtId",
            ["capacity"] = "capacity",
            ["maxPlacesPerSchool"] = "maxPlacesPerSchool",
            ["bookingClosesAt"] = "closesDate",
            ["courseId"] = "session-0-date",
        };
        for (var i = 0; i < rows.Count; i++)
        {
            fields[$"sessions.{i}"] = $"session-{rows[i]}-date";
            fields[$"sessions.{i}.startsAt"] = $"session-{rows[i]}-starts";
            fields[$"sessions.{i}.endsAt"] = $"session-{rows[i]}-ends";
        }
        foreach (var error in FormErrors.FromUserErrors(payload.GetProperty("errors"), fields, "session-0-date").All)
        {
            Errors.Add(error.FieldId, error.Message);
        }
        if (Errors.Any)
        {
            return Page();
        }
        Flash = "The run is published. Schools can book it now.";
        return LocalRedirect($"/runs/{Uri.EscapeDataString(payload.GetProperty("run").GetProperty("id").GetString()!)}/register");
    }

    private int? ParseCount(string? text, string field, string message, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                Errors.Add(field, message);
            }
            return null;
        }
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        Errors.Add(field, message);
        return null;
    }

    internal static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    internal static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <summary>A London wall-clock time as an instant, written as the API takes it.</summary>
    internal static string London(DateOnly date, TimeOnly time)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var offset = zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    private async Task<IActionResult?> LoadAsync(string id)
    {
        if (OnlyFor(Role.PROVIDER, Role.ADMIN) is { } refused)
        {
            return refused;
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "Provider/PublishRun.graphql", new { id });
        Course = result.Data.ValueKind == JsonValueKind.Object ? result.Data.GetProperty("course") : default;
        if (Course.ValueKind != JsonValueKind.Object)
        {
            Title = "Course not found";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Districts = [new("", "Choose a district"), .. result.Data.GetProperty("districts").EnumerateArray()
            .Select(d => new Components.Govuk.Option(d.GetProperty("id").GetString()!, d.GetProperty("name").GetString()!))];
        Title = $"Publish a run of {Course.GetProperty("title").GetString()}";
        return null;
    }
}
