using System.Text.Json;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Web.GraphQL;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.Admin;

/// <summary>
/// Admins: every account, newest first, searched by name or email and by role (a GET form, so
/// a search is kept in the address), 25 to a page; each links to its own page.
/// </summary>
public sealed class AccountsModel : InclusionPage
{
    public string? Search { get; private set; }

    public string? Role { get; private set; }

    public bool IncludeInactive { get; private set; }

    public JsonElement Found { get; private set; }

    public string? NextPage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? search, string? role, string? includeInactive, string? after)
    {
        if (OnlyFor(Grains.Accounts.Role.ADMIN) is { } refused)
        {
            return refused;
        }
        Title = "Accounts";
        Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        if (Search is { Length: > 200 })
        {
            Errors.Add("search", "Search for at most 200 characters");
            Search = null;
        }
        Role = role;
        if (!string.IsNullOrEmpty(role) && !AccountChoices.Roles.Contains(role, StringComparer.Ordinal))
        {
            Errors.Add("role", "Choose a role from the list");
            Role = null;
        }
        Role = string.IsNullOrEmpty(Role) ? null : Role;
        IncludeInactive = includeInactive == "true";
        var filter = new { search = Search, role = Role, includeInactive = IncludeInactive };
        var result = await GraphQL.ExecuteAsync(HttpContext, "Admin/Accounts.graphql", new { filter, after });
        if (result.HasErrors && after is not null)
        {
            Errors.Add("search", "That page of accounts no longer exists. Here is the first page.");
            result = await GraphQL.ExecuteAsync(HttpContext, "Admin/Accounts.graphql", new { filter, after = (string?)null });
        }
        if (result.HasErrors)
        {
            throw new PageGraphQLException("Admin/Accounts.graphql", result.Errors);
        }
        Found = result.Data.GetProperty("accounts");
        var pageInfo = Found.GetProperty("pageInfo");
        if (pageInfo.GetProperty("hasNextPage").GetBoolean())
        {
            var next = QueryString.Create(Request.Query.Where(q => q.Key != "after").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))))
                .Add("after", pageInfo.GetProperty("endCursor").GetString() ?? "");
            NextPage = "/admin/accounts" + next.Value;
        }
        return Page();
    }
}
