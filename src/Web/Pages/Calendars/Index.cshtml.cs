using System.Text.Json;
using InclusionNetwork.Web.Forms;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.Calendars;

/// <summary>
/// Everyone's calendar feeds: create one of what concerns them (their bookings, their school,
/// a cluster, their visits as a leader), subscribe, copy the link, revoke it.
/// </summary>
public sealed class IndexModel : InclusionPage
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["scope"] = "scope",
        ["subjectId"] = "clusterId",
    };

    public JsonElement Me { get; private set; }

    public IReadOnlyList<JsonElement> Feeds { get; private set; } = [];

    /// <summary>The kinds of feed the viewer may make: value, text.</summary>
    public IReadOnlyList<Components.Govuk.Option> Scopes { get; private set; } = [];

    /// <summary>Clusters the viewer leads or whose school is a member.</summary>
    public IReadOnlyList<Components.Govuk.Option> Clusters { get; private set; } = [];

    [BindProperty]
    public string? Scope { get; set; }

    [BindProperty]
    public string? ClusterId { get; set; }

    public static string ScopeText(string? scope) => scope switch
    {
        "STAFF" => "My own bookings",
        "SCHOOL" => "My school’s courses and visits",
        "CLUSTER" => "A peer-review cluster’s visits and meetings",
        "LEADER" => "My visits as an Inclusion Leader",
        _ => Formatting.Format.Label(scope),
    };

    public async Task<IActionResult> OnGetAsync() => OnlyFor() ?? await ShowAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (OnlyFor() is { } refused)
        {
            return refused;
        }
        await ShowAsync();
        if (Scope is null || !Scopes.Any(s => s.Value == Scope))
        {
            Errors.Add("scope", "Choose what the feed should show");
            return Page();
        }
        string? subjectId = Scope switch
        {
            "SCHOOL" => Me.GetProperty("school").GetProperty("urn").GetString(),
            "LEADER" => Me.GetProperty("leader").GetProperty("id").GetString(),
            "CLUSTER" => ClusterId,
            _ => null,
        };
        if (Scope == "CLUSTER" && !Clusters.Any(c => c.Value == ClusterId))
        {
            Errors.Add("clusterId", "Choose a cluster for a cluster feed");
            return Page();
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "Calendars/CreateFeed.graphql", new { input = new { scope = Scope, subjectId } });
        foreach (var error in FormErrors.FromUserErrors(result.Data.GetProperty("createCalendarFeed").GetProperty("errors"), Fields, "scope").All)
        {
            Errors.Add(error.FieldId, error.Message);
        }
        if (Errors.Any)
        {
            return Page();
        }
        Flash = "The feed is created. Copy its link into your calendar app, or subscribe.";
        return LocalRedirect("/calendars");
    }

    public async Task<IActionResult> OnPostRevokeAsync(string feedId)
    {
        if (OnlyFor() is { } refused)
        {
            return refused;
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "Calendars/RevokeFeed.graphql", new { input = new { feedId } });
        foreach (var error in result.Data.GetProperty("revokeCalendarFeed").GetProperty("errors").EnumerateArray())
        {
            Errors.Add($"feed-{feedId}", error.GetProperty("message").GetString()!);
        }
        if (Errors.Any)
        {
            return await ShowAsync();
        }
        Flash = "The feed is revoked. Its link no longer works.";
        return LocalRedirect("/calendars");
    }

    private async Task<IActionResult> ShowAsync()
    {
        Title = "Calendars";
        var result = await GraphQL.ExecuteAsync(HttpContext, "Calendars/Index.graphql");
        Me = result.Data.GetProperty("me");
        var roles = Me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToHashSet(StringComparer.Ordinal);
        var school = Me.GetProperty("school");
        var leader = Me.GetProperty("leader");
        var clusters = new List<Components.Govuk.Option>();
        if (leader.ValueKind == JsonValueKind.Object)
        {
            clusters.AddRange(leader.GetProperty("clusters").EnumerateArray().Select(c => new Components.Govuk.Option(c.GetProperty("id").GetString()!,
                c.GetProperty("academicYear") is { ValueKind: JsonValueKind.String } year ? $"{c.GetProperty("name").GetString()}, {year.GetString()}" : c.GetProperty("name").GetString()!)));
        }
        if (school.ValueKind == JsonValueKind.Object && school.GetProperty("peerReviewCluster") is { ValueKind: JsonValueKind.Object } own
            && !clusters.Any(c => c.Value == own.GetProperty("id").GetString()))
        {
            clusters.Add(new Components.Govuk.Option(own.GetProperty("id").GetString()!, own.GetProperty("name").GetString()!));
        }
        Clusters = clusters;
        var scopes = new List<string>();
        if (roles.Contains("STAFF"))
        {
            scopes.Add("STAFF");
        }
        if (school.ValueKind == JsonValueKind.Object)
        {
            scopes.Add("SCHOOL");
        }
        if (clusters.Count > 0)
        {
            scopes.Add("CLUSTER");
        }
        if (leader.ValueKind == JsonValueKind.Object)
        {
            scopes.Add("LEADER");
        }
        Scopes = [.. scopes.Select(s => new Components.Govuk.Option(s, ScopeText(s)))];
        Scope ??= scopes.FirstOrDefault();
        Feeds = [.. Me.GetProperty("calendarFeeds").EnumerateArray().Where(f => !f.GetProperty("revoked").GetBoolean())];
        return Page();
    }
}
