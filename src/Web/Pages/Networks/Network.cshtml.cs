using System.Globalization;
using System.Text.Json;
using InclusionNetwork.Web.Components;
using InclusionNetwork.Web.Forms;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.Networks;

/// <summary>
/// One network: who belongs, how often it meets, and its meetings from today. Its organisers
/// and admins add a one-off meeting, move one (a single occurrence of the series) and cancel one.
/// </summary>
public sealed class NetworkModel : InclusionPage
{
    private static readonly Dictionary<string, string> AddFields = new(StringComparer.Ordinal)
    {
        ["title"] = "meetingTitle", ["startsAt"] = "date", ["endsAt"] = "endTime", ["location"] = "location",
    };

    private static readonly Dictionary<string, string> MoveFields = new(StringComparer.Ordinal)
    {
        ["meetingId"] = "moveMeetingId", ["startsAt"] = "moveDate", ["endsAt"] = "moveEndTime", ["location"] = "moveLocation",
    };

    public JsonElement Network { get; private set; }

    public IReadOnlyList<JsonElement> Meetings { get; private set; } = [];

    /// <summary>An admin or one of the network's organisers: they change its meetings.</summary>
    public bool Organises { get; private set; }

    [BindProperty] public string? MeetingTitle { get; set; }
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? StartTime { get; set; }
    [BindProperty] public string? EndTime { get; set; }
    [BindProperty] public string? Location { get; set; }
    [BindProperty] public string? MoveMeetingId { get; set; }
    [BindProperty] public string? MoveDate { get; set; }
    [BindProperty] public string? MoveStartTime { get; set; }
    [BindProperty] public string? MoveEndTime { get; set; }
    [BindProperty] public string? MoveLocation { get; set; }

    public IEnumerable<Govuk.Option> MeetingOptions => [new Govuk.Option("", "Choose a meeting"),
        .. Meetings.Where(m => !m.GetProperty("cancelled").GetBoolean()).Select(m => new Govuk.Option(m.GetProperty("id").GetString()!,
            $"{Formatting.Format.DateTime(m.GetProperty("startsAt").GetDateTimeOffset())} – {m.GetProperty("title").GetString()}"))];

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAddAsync(string id)
    {
        if (await LoadAsync(id, organise: true) is { } stop)
        {
            return stop;
        }
        if (Times(Date, StartTime, EndTime, "date", "startTime", "endTime") is not { } times)
        {
            return Page();
        }
        return await SendAsync("ScheduleMeeting", "scheduleMeeting", new
        {
            networkId = id,
            title = string.IsNullOrWhiteSpace(MeetingTitle) ? null : MeetingTitle.Trim(),
            startsAt = times.Starts, endsAt = times.Ends,
            location = string.IsNullOrWhiteSpace(Location) ? null : Location.Trim(),
        }, AddFields, "date", m => $"A meeting on {Formatting.Format.DateTime(m.GetProperty("startsAt").GetDateTimeOffset())} has been added.");
    }

    public async Task<IActionResult> OnPostMoveAsync(string id)
    {
        if (await LoadAsync(id, organise: true) is { } stop)
        {
            return stop;
        }
        if (string.IsNullOrWhiteSpace(MoveMeetingId))
        {
            Errors.Add("moveMeetingId", "Choose the meeting to move");
        }
        if (Times(MoveDate, MoveStartTime, MoveEndTime, "moveDate", "moveStartTime", "moveEndTime") is not { } times || Errors.Any)
        {
            return Page();
        }
        return await SendAsync("MoveMeeting", "moveMeeting", new
        {
            meetingId = MoveMeetingId,
            startsAt = times.Starts, endsAt = times.Ends,
            location = string.IsNullOrWhiteSpace(MoveLocation) ? null : MoveLocation.Trim(),
        }, MoveFields, "moveMeetingId", m => $"The meeting has been moved to {Formatting.Format.DateTime(m.GetProperty("startsAt").GetDateTimeOffset())}.");
    }

    public async Task<IActionResult> OnPostCancelAsync(string id, string meetingId)
    {
        if (await LoadAsync(id, organise: true) is { } stop)
        {
            return stop;
        }
        return await SendAsync("CancelMeeting", "cancelMeeting", new { meetingId },
            new Dictionary<string, string>(StringComparer.Ordinal) { ["meetingId"] = "meetings" }, "meetings",
            m => $"The meeting on {Formatting.Format.DateTime(m.GetProperty("startsAt").GetDateTimeOffset())} has been cancelled.");
    }

    /// <summary>A date and start and end times (London wall clock) as instants; null, with the errors added, when one is not right.</summary>
    private (string Starts, string Ends)? Times(string? dateText, string? startText, string? endText, string dateId, string startId, string endId)
    {
        var dateOk = NetworkText.TryDate(dateText, out var date);
        var startOk = NetworkText.TryTime(startText, out var start);
        var endOk = NetworkText.TryTime(endText, out var end);
        if (!dateOk)
        {
            Errors.Add(dateId, "Enter a real date, like 2027-03-02");
        }
        if (!startOk)
        {
            Errors.Add(startId, "Enter the start time, like 16:00");
        }
        if (!endOk)
        {
            Errors.Add(endId, "Enter the end time, like 17:30");
        }
        else if (startOk && end <= start)
        {
            Errors.Add(endId, "The end time must be after the start time");
        }
        return Errors.Any ? null : (NetworkText.Instant(date, start), NetworkText.Instant(date, end));
    }

    private async Task<IActionResult> SendAsync(string document, string field, object input, IReadOnlyDictionary<string, string> fields, string fallback,
        Func<JsonElement, string> done)
    {
        var result = await GraphQL.ExecuteAsync(HttpContext, $"Networks/{document}.graphql", new { input });
        var payload = result.Data.GetProperty(field);
        foreach (var error in FormErrors.FromUserErrors(payload.GetProperty("errors"), fields, fallback).All)
        {
            Errors.Add(error.FieldId, error.Message);
        }
        if (Errors.Any)
        {
            return Page();
        }
        Flash = done(payload.GetProperty("meeting"));
        return LocalRedirect($"/networks/{Uri.EscapeDataString(Network.GetProperty("id").GetString()!)}");
    }

    private async Task<IActionResult?> LoadAsync(string id, bool organise = false)
    {
        if (OnlyFor() is { } signIn)
        {
            return signIn;
        }
        Title = "Network not found";
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var today = DateOnly.FromDateTime(Formatting.Format.InLondon(Now).Date);
        var result = await GraphQL.ExecuteAsync(HttpContext, "Networks/Network.graphql", new { id, from = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        Network = result.Data.GetProperty("network");
        if (Network.ValueKind != JsonValueKind.Object)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Title = Network.GetProperty("name").GetString()!;
        Meetings = [.. Network.GetProperty("meetings").EnumerateArray().OrderBy(m => m.GetProperty("startsAt").GetDateTimeOffset())];
        var me = Viewer!.AccountId.ToString(CultureInfo.InvariantCulture);
        Organises = Viewer.IsAdmin || Network.GetProperty("organisers").EnumerateArray().Any(o => o.GetProperty("id").GetString() == me);
        return organise && !Organises ? NotForYou() : null;
    }
}
