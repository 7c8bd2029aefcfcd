using System.Text.Json;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.PeerReview;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionNetwork.Web.Pages.PeerReview;

/// <summary>
/// The peer-review clusters the viewer works on: an Inclusion Leader of Education sees the
/// clusters they lead, every year; an admin sees every cluster of the current academic year.
/// Both may form a new cluster from here.
/// </summary>
public sealed class ClustersModel : InclusionPage
{
    public IReadOnlyList<JsonElement> Clusters { get; private set; } = [];

    public bool IsAdmin { get; private set; }

    public string? LeaderId { get; private set; }

    public string Year { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (OnlyFor(Role.LEADER, Role.ADMIN) is { } stop)
        {
            return stop;
        }
        IsAdmin = Viewer!.IsAdmin;
        Year = PeerReviewYears.Open(HttpContext.RequestServices.GetRequiredService<InclusionNetwork.Grains.Common.DomainClock>())[0].ToString();
        var result = await GraphQL.ExecuteAsync(HttpContext, "PeerReview/Clusters.graphql", new { year = Year, all = IsAdmin });
        if (result.Data.GetProperty("me").GetProperty("leader") is { ValueKind: JsonValueKind.Object } leader)
        {
            LeaderId = leader.GetProperty("id").GetString();
            Clusters = [.. leader.GetProperty("clusters").EnumerateArray()];
        }
        if (IsAdmin)
        {
            Clusters = [.. result.Data.GetProperty("clusters").EnumerateArray()];
        }
        Title = IsAdmin ? "Peer-review clusters" : "My clusters";
        return Page();
    }

    /// <summary>"3 of 5 visits confirmed or held", "Complete" or "Not planned".</summary>
    public static string Progress(JsonElement cluster)
    {
        if (cluster.GetProperty("cycle") is not { ValueKind: JsonValueKind.Object } cycle)
        {
            return "Not planned";
        }
        if (cycle.GetProperty("complete").GetBoolean())
        {
            return "Complete";
        }
        var visits = cycle.GetProperty("visits").EnumerateArray().Select(v => v.GetProperty("status").GetString()).ToList();
        var settled = visits.Count(s => s is not ("PROPOSED" or "CANCELLED"));
        return $"{settled} of {visits.Count} visits confirmed or held";
    }
}
