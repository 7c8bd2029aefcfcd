using System.Text.Json;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.Leaders;

/// <summary>Admins: every Inclusion Leader of Education with home school, capacity and whether retired; each links to their page.</summary>
public sealed class IndexModel : InclusionPage
{
    public JsonElement Leaders { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (OnlyFor(Role.ADMIN) is { } refused)
        {
            return refused;
        }
        Title = "Inclusion leaders";
        Leaders = (await GraphQL.ExecuteAsync(HttpContext, "Leaders/Leaders.graphql")).Data.GetProperty("inclusionLeaders");
        return Page();
    }
}
