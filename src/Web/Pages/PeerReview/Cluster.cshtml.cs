using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using InclusionNetwork.Web.Forms;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.PeerReview;

/// <summary>
/// A peer-review cluster: its members and the year's cycle of visits. Its leader and admins
/// plan the cycle (the planner proposes a date for every visit not yet confirmed) and change
/// the member schools; the member schools see it.
/// </summary>
public sealed partial class ClusterModel : InclusionPage
{
    private static readonly Dictionary<string, string> PlanFields = new(StringComparer.Ordinal) { ["avoidDates"] = "avoidDates" };

    private static readonly Dictionary<string, string> MemberFields = new(StringComparer.Ordinal) { ["memberUrns"] = "memberUrns" };

    public JsonElement Cluster { get; private set; }

    /// <summary>The viewer leads the cluster or is an admin: they plan and change it.</summary>
    public bool Manages { get; private set; }

    public IReadOnlyList<JsonElement> Visits { get; private set; } = [];

    [BindProperty]
    public string? AvoidDates { get; set; }

    [BindProperty]
    public List<string> MemberUrns { get; set; } = [];

    [BindProperty]
    public List<string> Seen { get; set; } = [];

    [BindProperty]
    public string? Search { get; set; }

    [BindProperty]
    public string? District { get; set; }

    public SchoolPicker Picker { get; private set; } = new();

    /// <summary>Dates are proposed while some visit is not yet confirmed, or before the first plan (a new cluster's cycle has no visits).</summary>
    public bool Proposing => Visits.Count == 0 || Visits.Any(v => v.GetProperty("status").GetString() == "PROPOSED");

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }
        await LoadPickerAsync(posted: false);
        return Page();
    }

    public async Task<IActionResult> OnPostPlanAsync(string id)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }
        if (!Manages)
        {
            return NotForYou();
        }
        var dates = (AvoidDates ?? "").Split([',', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (dates.FirstOrDefault(d => !DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) is { } bad)
        {
            Errors.Add("avoidDates", $"Enter dates as year-month-day, for example 2026-11-17 (not ‘{bad}’)");
            await LoadPickerAsync(posted: false);
            return Page();
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "PeerReview/PlanReviewCycle.graphql", new
        {
            input = new { clusterId = id, academicYear = Cluster.GetProperty("academicYear").GetString(), avoidDates = dates },
        });
        return await AfterAsync(id, FormErrors.FromUserErrors(result.Data.GetProperty("planReviewCycle").GetProperty("errors"), PlanFields, "avoidDates"),
            "The cycle is planned. Check each proposed date, then move or confirm it.");
    }

    /// <summary>"Find schools" in the members form: the form again, with matching schools to tick.</summary>
    public async Task<IActionResult> OnPostFindMembersAsync(string id)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }
        if (!Manages)
        {
            return NotForYou();
        }
        await LoadPickerAsync(posted: true);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveMembersAsync(string id)
    {
        if (await LoadAsync(id) is { } stop)
        {
            return stop;
        }
        if (!Manages)
        {
            return NotForYou();
        }
        var urns = SchoolPicker.FromForm(MemberUrns, Seen).Select(c => c.Urn).ToArray();
        var result = await GraphQL.ExecuteAsync(HttpContext, "PeerReview/UpdateCluster.graphql", new { input = new { clusterId = id, memberUrns = urns } });
        return await AfterAsync(id, FormErrors.FromUserErrors(result.Data.GetProperty("updateCluster").GetProperty("errors"), MemberFields, "memberUrns"),
            "The cluster’s schools are changed.", posted: true);
    }

    private async Task<IActionResult> AfterAsync(string id, FormErrors errors, string done, bool posted = false)
    {
        foreach (var error in errors.All)
        {
            Errors.Add(error.FieldId, error.Message);
        }
        if (Errors.Any)
        {
            await LoadPickerAsync(posted);
            return Page();
        }
        Flash = done;
        return LocalRedirect($"/ile/clusters/{Uri.EscapeDataString(id)}");
    }

    /// <summary>The members form: as stored on first view, as posted after "Find schools" or a refusal.</summary>
    private async Task LoadPickerAsync(bool posted)
    {
        if (!Manages)
        {
            return;
        }
        var chosen = posted
            ? SchoolPicker.FromForm(MemberUrns, Seen)
            : [.. Cluster.GetProperty("members").EnumerateArray().Select(SchoolPicker.FromJson)];
        Picker = new SchoolPicker { Search = Search, District = District, Chosen = chosen };
        await Picker.LoadAsync(GraphQL, HttpContext);
    }

    private async Task<IActionResult?> LoadAsync(string id)
    {
        if (OnlyFor() is { } signIn)
        {
            return signIn;
        }
        if (!Digits().IsMatch(id))
        {
            return Missing();
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "PeerReview/Cluster.graphql", new { id });
        Cluster = result.Data.GetProperty("cluster");
        if (Cluster.ValueKind != JsonValueKind.Object)
        {
            return Missing();
        }
        Title = Cluster.GetProperty("name").GetString()!;
        var leaderId = Cluster.GetProperty("leader") is { ValueKind: JsonValueKind.Object } leader ? leader.GetProperty("id").GetString() : null;
        Manages = Viewer!.IsAdmin || (leaderId is not null && Viewer.LeaderId?.ToString(CultureInfo.InvariantCulture) == leaderId);
        Visits = Cluster.GetProperty("cycle") is { ValueKind: JsonValueKind.Object } cycle
            ? [.. cycle.GetProperty("visits").EnumerateArray().OrderBy(v => v.GetProperty("date").ValueKind == JsonValueKind.String ? v.GetProperty("date").GetString() : "9", StringComparer.Ordinal)]
            : [];
        return null;
    }

    private IActionResult Missing()
    {
        Title = "Cluster not found";
        Cluster = default;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    [GeneratedRegex("^[0-9]{1,18}$")]
    private static partial Regex Digits();
}
