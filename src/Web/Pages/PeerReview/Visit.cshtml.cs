using System.Globalization;
using System.Text.Json;
using InclusionNetwork.Web.Forms;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.PeerReview;

/// <summary>
/// One visit of a cluster's cycle, through its life: the leader (or an admin) moves or
/// confirms it with reviewers, the host school gives its self-evaluation, the leader records
/// the visit as held and writes the report and action plan, the host keeps the actions up
/// to date, and the leader records the impact review. Each form shows only to whoever may
/// use it; the mutations judge again.
/// </summary>
public sealed class VisitModel : InclusionPage
{
    public const int ActionRows = 3;

    private static readonly Dictionary<string, string> ScheduleFields = new(StringComparer.Ordinal)
    {
        ["date"] = "date", ["reviewerStaffIds"] = "reviewerStaffIds", ["focusAreas"] = "focusAreas",
    };

    private static readonly Dictionary<string, string> SelfEvaluationFields = new(StringComparer.Ordinal)
    {
        ["summary"] = "summary", ["focusAreas"] = "seFocusAreas",
    };

    private static readonly Dictionary<string, string> ImpactFields = new(StringComparer.Ordinal) { ["summary"] = "impactSummary" };

    public JsonElement Cluster { get; private set; }

    public JsonElement Visit { get; private set; }

    /// <summary>The cluster's leader or an admin.</summary>
    public bool Manages { get; private set; }

    /// <summary>Manages, or acts for the host school (its bookers and staff).</summary>
    public bool ActsForHost { get; private set; }

    public string Status => Visit.GetProperty("status").GetString()!;

    [BindProperty]
    public string? Date { get; set; }

    [BindProperty]
    public List<string> ReviewerStaffIds { get; set; } = [];

    [BindProperty]
    public List<string> FocusAreas { get; set; } = [];

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public List<string> SeFocusAreas { get; set; } = [];

    [BindProperty]
    public string? Strengths { get; set; }

    [BindProperty]
    public string? AreasForDevelopment { get; set; }

    [BindProperty]
    public List<string> ActionDescription { get; set; } = [];

    [BindProperty]
    public List<string> ActionDue { get; set; } = [];

    [BindProperty]
    public string? ImpactSummary { get; set; }

    /// <summary>The action whose form was refused, and the status chosen, kept for the page.</summary>
    public string? PostedActionId { get; private set; }

    public string? PostedActionStatus { get; private set; }

    public async Task<IActionResult> OnGetAsync(string clusterId, string visitId)
    {
        if (await LoadAsync(clusterId, visitId) is { } stop)
        {
            return stop;
        }
        KeepStored();
        return Page();
    }

    public async Task<IActionResult> OnPostScheduleAsync(string clusterId, string visitId)
    {
        if (await LoadAsync(clusterId, visitId, manage: true) is { } stop)
        {
            return stop;
        }
        if (!DateOnly.TryParseExact(Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Errors.Add("date", string.IsNullOrWhiteSpace(Date) ? "Enter the date of the visit" : "Enter a real date, like 2027-03-17");
            return Page();
        }
        return await SendAsync("ScheduleVisit", "scheduleVisit", new
        {
            visitId = visitId,
            date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            reviewerStaffIds = ReviewerStaffIds,
            focusAreas = FocusAreas.Where(PeerReviewText.FrameworkAreas.Contains).ToList(),
        }, ScheduleFields, "date", $"The visit is confirmed for {Formatting.Format.Day(date)}.");
    }

    public async Task<IActionResult> OnPostSelfEvaluationAsync(string clusterId, string visitId)
    {
        if (await LoadAsync(clusterId, visitId, host: true) is { } stop)
        {
            return stop;
        }
        if (string.IsNullOrWhiteSpace(Summary))
        {
            Errors.Add("summary", "Enter a summary of the self-evaluation");
        }
        if (SeFocusAreas.Count == 0)
        {
            Errors.Add("seFocusAreas", "Choose one or more focus areas");
        }
        if (Errors.Any)
        {
            return Page();
        }
        return await SendAsync("SubmitSelfEvaluation", "submitSelfEvaluation",
            new { visitId = visitId, summary = Summary!.Trim(), focusAreas = SeFocusAreas.Where(PeerReviewText.FrameworkAreas.Contains).ToList() },
            SelfEvaluationFields, "summary", "The self-evaluation is submitted.");
    }

    public async Task<IActionResult> OnPostCompleteAsync(string clusterId, string visitId)
    {
        if (await LoadAsync(clusterId, visitId, manage: true) is { } stop)
        {
            return stop;
        }
        return await SendAsync("CompleteVisit", "completeVisit", new { visitId = visitId }, new Dictionary<string, string>(), "complete",
            "The visit is recorded as held.");
    }

    public async Task<IActionResult> OnPostCancelAsync(string clusterId, string visitId)
    {
        if (await LoadAsync(clusterId, visitId, manage: true) is { } stop)
        {
            return stop;
        }
        return await SendAsync("CancelVisit", "cancelVisit", new { visitId = visitId }, new Dictionary<string, string>(), "cancel",
            "The visit is cancelled.");
    }

    public async Task<IActionResult> OnPostReportAsync(string clusterId, string visitId)
    {
        if (await LoadAsync(clusterId, visitId, manage: true) is { } stop)
        {
            return stop;
        }
        if (string.IsNullOrWhiteSpace(Strengths))
        {
            Errors.Add("strengths", "Enter the strengths");
        }
        if (string.IsNullOrWhiteSpace(AreasForDevelopment))
        {
            Errors.Add("areasForDevelopment", "Enter the areas for development");
        }
        var actions = new List<object>();
        var rows = new List<int>();
        for (var n = 0; n < Math.Min(ActionDescription.Count, ActionRows); n++)
        {
            if (string.IsNullOrWhiteSpace(ActionDescription[n]))
            {
                continue;
            }
            var due = n < ActionDue.Count && !string.IsNullOrWhiteSpace(ActionDue[n]) ? ActionDue[n].Trim() : null;
            if (due is not null && !DateOnly.TryParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                Errors.Add($"action-due-{n}", "Enter a real date, like 2027-03-17");
            }
            actions.Add(new { description = ActionDescription[n].Trim(), dueDate = due });
            rows.Add(n);
        }
        if (actions.Count == 0)
        {
            Errors.Add("action-0", "Enter at least one action");
        }
        if (Errors.Any)
        {
            return Page();
        }
        // The mutation numbers the actions it was sent; map them back to the rows they came from.
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["strengths"] = "strengths", ["areasForDevelopment"] = "areasForDevelopment", ["actions"] = "action-0",
        };
        for (var i = 0; i < rows.Count; i++)
        {
            fields[$"actions.{i}"] = $"action-{rows[i]}";
            fields[$"actions.{i}.description"] = $"action-{rows[i]}";
            fields[$"actions.{i}.dueDate"] = $"action-due-{rows[i]}";
        }
        return await SendAsync("SubmitReviewReport", "submitReviewReport",
            new { visitId = visitId, strengths = Strengths!.Trim(), areasForDevelopment = AreasForDevelopment!.Trim(), actions },
            fields, "strengths", "The report and action plan are saved.");
    }

    public async Task<IActionResult> OnPostActionAsync(string clusterId, string visitId, string actionId, string status)
    {
        if (await LoadAsync(clusterId, visitId, host: true) is { } stop)
        {
            return stop;
        }
        PostedActionId = actionId;
        PostedActionStatus = status;
        var field = $"status-{actionId}";
        if (!PeerReviewText.ActionStatuses.Contains(status))
        {
            Errors.Add(field, "Choose the action’s status");
            return Page();
        }
        return await SendAsync("UpdateReviewAction", "updateReviewAction", new { actionId, status },
            new Dictionary<string, string>(StringComparer.Ordinal) { ["status"] = field, ["actionId"] = field }, field, "The action’s status is updated.");
    }

    public async Task<IActionResult> OnPostImpactAsync(string clusterId, string visitId)
    {
        if (await LoadAsync(clusterId, visitId, manage: true) is { } stop)
        {
            return stop;
        }
        if (string.IsNullOrWhiteSpace(ImpactSummary))
        {
            Errors.Add("impactSummary", "Enter what has changed");
            return Page();
        }
        return await SendAsync("SubmitImpactReview", "submitImpactReview", new { visitId = visitId, summary = ImpactSummary.Trim() },
            ImpactFields, "impactSummary", "The impact review is recorded.");
    }

    /// <summary>"2 days": the funded release, one day per reviewer.</summary>
    public string ReleaseDays
    {
        get
        {
            var days = Visit.GetProperty("releaseDays").GetDouble();
            return $"{days.ToString("0.#", CultureInfo.InvariantCulture)} {(days == 1 ? "day" : "days")}";
        }
    }

    private async Task<IActionResult> SendAsync(string document, string field, object input, IReadOnlyDictionary<string, string> fields, string fallback, string done)
    {
        var result = await GraphQL.ExecuteAsync(HttpContext, $"PeerReview/{document}.graphql", new { input });
        foreach (var error in FormErrors.FromUserErrors(result.Data.GetProperty(field).GetProperty("errors"), fields, fallback).All)
        {
            Errors.Add(error.FieldId, error.Message);
        }
        if (Errors.Any)
        {
            return Page();
        }
        Flash = done;
        return LocalRedirect($"/ile/clusters/{Uri.EscapeDataString(Cluster.GetProperty("id").GetString()!)}/visits/{Uri.EscapeDataString(Visit.GetProperty("id").GetString()!)}");
    }

    /// <summary>The forms start from what is stored: the visit's date, reviewers and focus areas.</summary>
    private void KeepStored()
    {
        Date = Visit.GetProperty("date").ValueKind == JsonValueKind.String ? Visit.GetProperty("date").GetString() : null;
        ReviewerStaffIds = [.. Visit.GetProperty("reviewers").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];
        FocusAreas = [.. Visit.GetProperty("focusAreas").EnumerateArray().Select(a => a.GetString()!)];
        SeFocusAreas = FocusAreas;
    }

    private async Task<IActionResult?> LoadAsync(string clusterId, string visitId, bool manage = false, bool host = false)
    {
        if (OnlyFor() is { } signIn)
        {
            return signIn;
        }
        Title = "Visit not found";
        if (!long.TryParse(clusterId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return Missing();
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "PeerReview/Cluster.graphql", new { id = clusterId });
        Cluster = result.Data.GetProperty("cluster");
        if (Cluster.ValueKind != JsonValueKind.Object || Cluster.GetProperty("cycle").ValueKind != JsonValueKind.Object)
        {
            return Missing();
        }
        Visit = Cluster.GetProperty("cycle").GetProperty("visits").EnumerateArray().FirstOrDefault(v => v.GetProperty("id").GetString() == visitId);
        if (Visit.ValueKind != JsonValueKind.Object)
        {
            return Missing();
        }
        var leaderId = Cluster.GetProperty("leader") is { ValueKind: JsonValueKind.Object } leader ? leader.GetProperty("id").GetString() : null;
        Manages = Viewer!.IsAdmin || (leaderId is not null && Viewer.LeaderId?.ToString(CultureInfo.InvariantCulture) == leaderId);
        ActsForHost = Manages || Viewer.ActsFor(Visit.GetProperty("host").GetProperty("urn").GetString()!);
        Title = $"Visit to {Visit.GetProperty("host").GetProperty("name").GetString()}";
        if ((manage && !Manages) || (host && !ActsForHost))
        {
            return NotForYou();
        }
        return null;
    }

    private IActionResult Missing()
    {
        Cluster = default;
        Visit = default;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
