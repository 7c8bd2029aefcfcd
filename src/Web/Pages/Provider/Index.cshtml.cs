using System.Text.Json;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.Provider;

/// <summary>Providers and admins: every run, soonest first, each leading to its register.</summary>
public sealed class IndexModel : InclusionPage
{
    public IReadOnlyList<(JsonElement Course, JsonElement Run)> Runs { get; private set; } = [];

    public IReadOnlyList<JsonElement> Courses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (OnlyFor(Role.PROVIDER, Role.ADMIN) is { } refused)
        {
            return refused;
        }
        Title = "Registers";
        var result = await GraphQL.ExecuteAsync(HttpContext, "Provider/Index.graphql");
        Courses = [.. result.Data.GetProperty("directory").GetProperty("nodes").EnumerateArray()];
        Runs = [.. Courses.SelectMany(c => c.GetProperty("runs").EnumerateArray().Select(r => (c, r)))
            .OrderBy(x => x.r.GetProperty("startsAt").GetDateTimeOffset())];
        return Page();
    }
}
