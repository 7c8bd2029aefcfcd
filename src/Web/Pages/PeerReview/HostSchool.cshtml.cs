using System.Text.Json;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.PeerReview;

/// <summary>
/// A school's bookers see their school's peer review as host: this year's cluster, and each
/// visit the school hosts with what the school does next (its self-evaluation before the
/// visit, its actions after the report). Each visit's page holds the forms.
/// </summary>
public sealed class HostSchoolModel : InclusionPage
{
    public JsonElement School { get; private set; }

    public IReadOnlyList<JsonElement> Visits { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (OnlyFor(Role.SCHOOL_BOOKER) is { } stop)
        {
            return stop;
        }
        Title = "Your school’s peer review";
        var result = await GraphQL.ExecuteAsync(HttpContext, "PeerReview/HostSchool.graphql");
        School = result.Data.GetProperty("me").GetProperty("school");
        if (School.ValueKind == JsonValueKind.Object)
        {
            // Newest year first; within a year, by date (visits without one last).
            Visits = [.. School.GetProperty("reviewVisits").EnumerateArray()
                .OrderByDescending(v => v.GetProperty("cycle").GetProperty("academicYear").GetString(), StringComparer.Ordinal)
                .ThenBy(v => v.GetProperty("date").ValueKind == JsonValueKind.String ? v.GetProperty("date").GetString() : "9", StringComparer.Ordinal)];
        }
        return Page();
    }

    /// <summary>What the host school does next for a visit, if anything.</summary>
    public static string NextStep(JsonElement visit)
    {
        var status = visit.GetProperty("status").GetString();
        if (status == "CONFIRMED" && visit.GetProperty("selfEvaluationSubmittedAt").ValueKind != JsonValueKind.String)
        {
            return visit.GetProperty("selfEvaluationDue").ValueKind == JsonValueKind.String
                ? $"Give the self-evaluation by {PeerReviewText.Day(visit.GetProperty("selfEvaluationDue"))}"
                : "Give the self-evaluation";
        }
        if (status is "REPORTED" or "FOLLOWED_UP" && visit.GetProperty("report") is { ValueKind: JsonValueKind.Object } report)
        {
            var open = report.GetProperty("actions").EnumerateArray().Count(a => a.GetProperty("status").GetString() != "IMPLEMENTED");
            return open == 0 ? "Every action implemented" : $"Update the actions ({open} not yet implemented)";
        }
        return status switch
        {
            "PROPOSED" => "Wait for the leader to confirm the date",
            "CONFIRMED" => "Host the visit",
            "COMPLETED" => "Wait for the report",
            _ => "Nothing",
        };
    }
}
