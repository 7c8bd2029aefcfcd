using System.Text.Json;
using InclusionNetwork.Web.Components;
using InclusionNetwork.Web.GraphQL;
using Microsoft.AspNetCore.Http;

namespace InclusionNetwork.Web.Pages.PeerReview;

/// <summary>
/// Choosing a cluster's member schools without JavaScript: the chosen schools are ticked
/// boxes, and "Find schools" posts the same form back to list schools matching a name, a URN
/// or a district as more boxes, keeping every other field. Each shown school's name rides
/// along in a hidden <c>seen</c> field ("urn|name|district"), so a school ticked from one
/// search keeps its name after the next without asking the server again; the mutation
/// checks every URN itself.
/// </summary>
public sealed class SchoolPicker
{
    public const int FoundLimit = 25;

    public sealed record Choice(string Urn, string Name, string District);

    public string? Search { get; init; }

    public string? District { get; init; }

    public IReadOnlyList<Choice> Chosen { get; init; } = [];

    public IReadOnlyList<Choice> Found { get; private set; } = [];

    public int FoundCount { get; private set; }

    public bool Searched { get; private set; }

    public IReadOnlyList<Govuk.Option> Districts { get; private set; } = [];

    /// <summary>The chosen schools from a posted form: the ticked URNs, named from what the form showed.</summary>
    public static IReadOnlyList<Choice> FromForm(IEnumerable<string>? tickedUrns, IEnumerable<string>? seen)
    {
        var named = new Dictionary<string, Choice>(StringComparer.Ordinal);
        foreach (var entry in seen ?? [])
        {
            var parts = entry.Split('|', 3);
            if (parts.Length == 3 && parts[0].Length > 0)
            {
                named[parts[0]] = new Choice(parts[0], parts[1], parts[2]);
            }
        }
        return [.. (tickedUrns ?? []).Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u.Trim()).Distinct(StringComparer.Ordinal)
            .Select(u => named.TryGetValue(u, out var c) ? c : new Choice(u, $"School {u}", ""))];
    }

    public static Choice FromJson(JsonElement school) => new(school.GetProperty("urn").GetString()!, school.GetProperty("name").GetString()!,
        school.TryGetProperty("district", out var d) && d.ValueKind == JsonValueKind.Object ? d.GetProperty("name").GetString()! : "");

    /// <summary>Loads the districts, and the schools matching the search when there is one.</summary>
    public async Task LoadAsync(PageGraphQL graphQL, HttpContext context)
    {
        var search = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();
        var district = string.IsNullOrWhiteSpace(District) ? null : District.Trim();
        var byUrn = search is { Length: <= 10 } && search.All(char.IsAsciiDigit);
        Searched = search is not null || district is not null;
        var result = await graphQL.ExecuteAsync(context, "PeerReview/FindSchools.graphql", new
        {
            filter = new { search = byUrn ? null : search, district },
            find = Searched && !byUrn,
            urn = byUrn ? search : "",
            byUrn,
        });
        Districts = [new Govuk.Option("", "Any district"),
            .. result.Data.GetProperty("districts").EnumerateArray().Select(d => new Govuk.Option(d.GetProperty("id").GetString()!, d.GetProperty("name").GetString()!))];
        var chosen = Chosen.Select(c => c.Urn).ToHashSet(StringComparer.Ordinal);
        var found = new List<Choice>();
        if (result.Data.TryGetProperty("schools", out var schools) && schools.ValueKind == JsonValueKind.Object)
        {
            FoundCount = schools.GetProperty("totalCount").GetInt32();
            found.AddRange(schools.GetProperty("nodes").EnumerateArray().Select(FromJson));
        }
        if (result.Data.TryGetProperty("school", out var school) && school.ValueKind == JsonValueKind.Object && school.GetProperty("open").GetBoolean())
        {
            FoundCount = 1;
            found.Add(FromJson(school));
        }
        Found = [.. found.Where(f => !chosen.Contains(f.Urn))];
    }
}
