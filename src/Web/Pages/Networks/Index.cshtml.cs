using System.Globalization;
using System.Text.Json;
using InclusionNetwork.Web.Components;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.Networks;

/// <summary>
/// Every network by kind and district (a GET form, so the address is the filter), each with
/// its meetings of the next three months; the viewer's school's own networks first. Admins
/// create a series from here.
/// </summary>
public sealed class IndexModel : InclusionPage
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? District { get; set; }

    public IReadOnlyList<JsonElement> Networks { get; private set; } = [];

    public IReadOnlyList<Govuk.Option> Districts { get; private set; } = [];

    public string? SchoolUrn { get; private set; }

    public bool IsAdmin { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (OnlyFor() is { } stop)
        {
            return stop;
        }
        Title = "Networks";
        Kind = NetworkText.Kinds.Contains(Kind) ? Kind : null;
        var today = DateOnly.FromDateTime(Formatting.Format.InLondon(Now).Date);
        var result = await GraphQL.ExecuteAsync(HttpContext, "Networks/Networks.graphql", new
        {
            kind = Kind,
            district = string.IsNullOrWhiteSpace(District) ? null : District,
            from = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            to = today.AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        var me = result.Data.GetProperty("me");
        IsAdmin = Viewer!.IsAdmin;
        SchoolUrn = me.GetProperty("school") is { ValueKind: JsonValueKind.Object } school ? school.GetProperty("urn").GetString() : null;
        Districts = [new Govuk.Option("", "Any district"),
            .. result.Data.GetProperty("districts").EnumerateArray().Select(d => new Govuk.Option(d.GetProperty("id").GetString()!, d.GetProperty("name").GetString()!))];
        Networks = [.. result.Data.GetProperty("networks").EnumerateArray()
            .OrderByDescending(IsMine)
            .ThenBy(n => n.GetProperty("name").GetString(), StringComparer.OrdinalIgnoreCase)];
        return Page();
    }

    public bool IsMine(JsonElement network) =>
        SchoolUrn is not null && network.GetProperty("members").EnumerateArray().Any(m => m.GetProperty("urn").GetString() == SchoolUrn);
}
