using System.Globalization;
using System.Text.Json;
using InclusionNetwork.Web.GraphQL;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.Directory;

/// <summary>
/// The directory of support (public): free text and every <c>DirectoryFilter</c> field, kept
/// in the address (a GET form), so a search can be shared and works without JavaScript.
/// </summary>
public sealed class IndexModel : InclusionPage
{
    private static readonly string[] Lists = ["audiences", "needTypes", "frameworkAreas", "phases", "deliveryModes"];

    public string? Search { get; private set; }
    public string? Strand { get; private set; }
    public string? PriorKnowledge { get; private set; }
    public string? District { get; private set; }
    public string? From { get; private set; }
    public string? To { get; private set; }
    public string OrderBy { get; private set; } = "SOONEST";
    public bool CoreOfferOnly { get; private set; }
    public bool WithPlacesOnly { get; private set; }
    public Dictionary<string, string[]> Chosen { get; } = new(StringComparer.Ordinal);

    public JsonElement Districts { get; private set; }
    public JsonElement Found { get; private set; }
    public string? NextPage { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var query = Request.Query;
        Search = Single(query, "search")?.Trim();
        Strand = Known(query, "strand", DirectoryChoices.Strands, "Choose a strand from the list");
        PriorKnowledge = Known(query, "priorKnowledge", DirectoryChoices.PriorKnowledge, "Choose a level of prior knowledge from the list");
        District = Single(query, "district");
        From = Day(query, "from", "Starting from");
        To = Day(query, "to", "Starting by");
        OrderBy = Known(query, "orderBy", DirectoryChoices.Orders, "Choose an order from the list")
            ?? (string.IsNullOrEmpty(Search) ? "SOONEST" : "RELEVANCE");
        CoreOfferOnly = query["coreOfferOnly"] == "true";
        WithPlacesOnly = query["withPlacesOnly"] == "true";
        var allowed = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["audiences"] = DirectoryChoices.Audiences,
            ["needTypes"] = DirectoryChoices.NeedTypes,
            ["frameworkAreas"] = DirectoryChoices.FrameworkAreas,
            ["phases"] = DirectoryChoices.Phases,
            ["deliveryModes"] = DirectoryChoices.DeliveryModes,
        };
        foreach (var list in Lists)
        {
            // Values not in the contract are dropped: a mangled shared link still shows a search.
            Chosen[list] = [.. query[list].Where(v => v is not null && allowed[list].Contains(v)).Select(v => v!).Distinct(StringComparer.Ordinal)];
        }

        var filter = new Dictionary<string, object?>(StringComparer.Ordinal);
        void Set(string key, object? value)
        {
            if (value is not null and not "")
            {
                filter[key] = value;
            }
        }
        Set("search", Search);
        Set("strand", Strand);
        Set("priorKnowledge", PriorKnowledge);
        Set("district", District);
        Set("from", From);
        Set("to", To);
        foreach (var list in Lists.Where(l => Chosen[l].Length > 0))
        {
            filter[list] = Chosen[list];
        }
        if (CoreOfferOnly)
        {
            filter["coreOfferOnly"] = true;
        }
        if (WithPlacesOnly)
        {
            filter["withPlacesOnly"] = true;
        }

        var after = Single(query, "after");
        var result = await GraphQL.ExecuteAsync(HttpContext, "Directory/Index.graphql", new { filter, orderBy = OrderBy, after });
        if (result.HasErrors && after is not null)
        {
            // A stale or mangled page link: show the first page of the same search instead.
            Errors.Add("search", "That page of results no longer exists. Here is the first page.");
            result = await GraphQL.ExecuteAsync(HttpContext, "Directory/Index.graphql", new { filter, orderBy = OrderBy, after = (string?)null });
        }
        if (result.HasErrors)
        {
            throw new PageGraphQLException("Directory/Index.graphql", result.Errors);
        }
        Districts = result.Data.GetProperty("districts");
        Found = result.Data.GetProperty("directory");
        var pageInfo = Found.GetProperty("pageInfo");
        if (pageInfo.GetProperty("hasNextPage").GetBoolean())
        {
            var next = QueryString.Create(query.Where(q => q.Key != "after").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))))
                .Add("after", pageInfo.GetProperty("endCursor").GetString() ?? "");
            NextPage = "/" + next.Value;
        }
        Title = string.IsNullOrEmpty(Search) ? "Directory of support" : $"Search results for ‘{Search}’";
        return Page();
    }

    private static string? Single(IQueryCollection query, string key) => query[key].FirstOrDefault(v => !string.IsNullOrEmpty(v));

    private string? Known(IQueryCollection query, string key, string[] values, string message)
    {
        var value = Single(query, key);
        if (value is null || values.Contains(value))
        {
            return value;
        }
        Errors.Add(key, message);
        return null;
    }

    private string? Day(IQueryCollection query, string key, string label)
    {
        var value = Single(query, key);
        if (value is null || DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return value;
        }
        Errors.Add(key, $"{label} must be a real date, like 2027-03-27");
        return null;
    }

    /// <summary>The next run still to start: one already under way is not the "next date".</summary>
    public static JsonElement? NextRun(JsonElement course, DateTimeOffset now) =>
        course.GetProperty("runs").EnumerateArray()
            .Where(r => r.GetProperty("status").GetString() == "SCHEDULED" && r.GetProperty("startsAt").GetDateTimeOffset() > now)
            .OrderBy(r => r.GetProperty("startsAt").GetDateTimeOffset())
            .Select(r => (JsonElement?)r)
            .FirstOrDefault();
}
