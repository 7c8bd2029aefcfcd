using System.Globalization;
using System.Text.Json;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Web.Forms;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.Leaders;

/// <summary>
/// One Inclusion Leader of Education. The leader and admins keep the days the leader cannot
/// attend visits (the planner avoids them); admins also change the leader's capacity and home
/// school, and retire them (their clusters keep their history; they can lead no new one).
/// </summary>
public sealed class LeaderModel : InclusionPage
{
    private static readonly Dictionary<string, string> DetailFields = new(StringComparer.Ordinal)
    {
        ["schoolUrn"] = "schoolUrn",
        ["maxClusters"] = "maxClusters",
        ["retired"] = "retired",
    };

    private static readonly Dictionary<string, string> DateFields = new(StringComparer.Ordinal)
    {
        ["addUnavailableDates"] = "date",
        ["removeUnavailableDates"] = "dates",
    };

    public JsonElement Leader { get; private set; }

    public bool IsAdmin { get; private set; }

    [BindProperty]
    public string? SchoolUrn { get; set; }

    [BindProperty]
    public string? MaxClusters { get; set; }

    [BindProperty]
    public string? Date { get; set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }
        SchoolUrn = Leader.GetProperty("school") is { ValueKind: JsonValueKind.Object } school ? school.GetProperty("urn").GetString() : null;
        MaxClusters = Leader.GetProperty("maxClusters").GetInt32().ToString(CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostDetailsAsync(string id)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }
        if (!IsAdmin)
        {
            return NotForYou();
        }
        if (!int.TryParse(MaxClusters?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var maxClusters))
        {
            Errors.Add("maxClusters", "Most clusters a year must be a whole number, like 6");
            return Page();
        }
        var school = string.IsNullOrWhiteSpace(SchoolUrn) ? null : SchoolUrn.Trim();
        return await UpdateAsync(id, new Dictionary<string, object?>(StringComparer.Ordinal) { ["schoolUrn"] = school, ["maxClusters"] = maxClusters },
            DetailFields, "maxClusters", "The leader's home school and capacity have been changed.");
    }

    public async Task<IActionResult> OnPostRetiredAsync(string id, bool retired)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }
        if (!IsAdmin)
        {
            return NotForYou();
        }
        KeepStoredDetails();
        return await UpdateAsync(id, new Dictionary<string, object?>(StringComparer.Ordinal) { ["retired"] = retired },
            DetailFields, "retired", retired ? "The leader has been retired. Their clusters keep their history." : "The leader is active again.");
    }

    public async Task<IActionResult> OnPostAddDateAsync(string id)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }
        KeepStoredDetails();
        if (!DateOnly.TryParseExact(Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Errors.Add("date", "Enter a real date, like 2027-03-27");
            return Page();
        }
        return await UpdateAsync(id, new Dictionary<string, object?>(StringComparer.Ordinal) { ["addUnavailableDates"] = new[] { date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } },
            DateFields, "date", $"{Formatting.Format.Day(date)} has been added to the unavailable dates.");
    }

    public async Task<IActionResult> OnPostRemoveDateAsync(string id, string removeDate)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }
        KeepStoredDetails();
        if (!DateOnly.TryParseExact(removeDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Errors.Add("dates", "Choose a date from the list");
            return Page();
        }
        return await UpdateAsync(id, new Dictionary<string, object?>(StringComparer.Ordinal) { ["removeUnavailableDates"] = new[] { removeDate } },
            DateFields, "dates", $"{Formatting.Format.Day(date)} has been removed from the unavailable dates.");
    }

    private async Task<IActionResult> UpdateAsync(string id, Dictionary<string, object?> change, IReadOnlyDictionary<string, string> fields, string fallback, string done)
    {
        change["leaderId"] = id;
        var result = await GraphQL.ExecuteAsync(HttpContext, "Leaders/UpdateLeader.graphql", new { input = change });
        foreach (var error in FormErrors.FromUserErrors(result.Data.GetProperty("updateInclusionLeader").GetProperty("errors"), fields, fallback).All)
        {
            Errors.Add(error.FieldId, error.Message);
        }
        if (Errors.Any)
        {
            return Page();
        }
        Flash = done;
        return LocalRedirect($"/leaders/{Uri.EscapeDataString(id)}");
    }

    private void KeepStoredDetails()
    {
        SchoolUrn = Leader.GetProperty("school") is { ValueKind: JsonValueKind.Object } school ? school.GetProperty("urn").GetString() : null;
        MaxClusters = Leader.GetProperty("maxClusters").GetInt32().ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Loads the leader; null when the viewer may use the page (admins, and the leader), else
    /// sign-in, 403 or a 404 page.
    /// </summary>
    private async Task<IActionResult?> LoadAsync(string id)
    {
        if (OnlyFor() is { } signIn)
        {
            return signIn;
        }
        var today = DateOnly.FromDateTime(Formatting.Format.InLondon(Now).Date);
        var result = await GraphQL.ExecuteAsync(HttpContext, "Leaders/Leader.graphql", new { from = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        var me = result.Data.GetProperty("me");
        IsAdmin = me.GetProperty("roles").EnumerateArray().Any(r => r.GetString() == nameof(Role.ADMIN));
        var own = me.GetProperty("leader") is { ValueKind: JsonValueKind.Object } mine && mine.GetProperty("id").GetString() == id;
        if (!IsAdmin && !own)
        {
            return NotForYou();
        }
        Leader = result.Data.GetProperty("inclusionLeaders").EnumerateArray().FirstOrDefault(l => l.GetProperty("id").GetString() == id);
        if (Leader.ValueKind != JsonValueKind.Object)
        {
            Title = "Leader not found";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Title = Leader.GetProperty("name").GetString()!;
        return null;
    }
}
