using System.Text.Json;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Web.GraphQL;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.Admin;

/// <summary>
/// Admins: every message the product has queued or sent, newest first, with its attempts and
/// last error, so a message that FAILED after its last try is seen and can be followed up.
/// </summary>
public sealed class OutboxModel : InclusionPage
{
    public static readonly string[] Statuses = ["PENDING", "SENT", "FAILED"];

    public string? Status { get; private set; }

    public JsonElement Messages { get; private set; }

    public string? NextPage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? status, string? after)
    {
        if (OnlyFor(Role.ADMIN) is { } refused)
        {
            return refused;
        }
        Title = "Outbox";
        if (!string.IsNullOrEmpty(status) && !Statuses.Contains(status, StringComparer.Ordinal))
        {
            Errors.Add("status", "Choose a status from the list");
            status = null;
        }
        Status = string.IsNullOrEmpty(status) ? null : status;
        var result = await GraphQL.ExecuteAsync(HttpContext, "Admin/Outbox.graphql", new { status = Status, after });
        if (result.HasErrors && after is not null)
        {
            Errors.Add("status", "That page of messages no longer exists. Here is the first page.");
            result = await GraphQL.ExecuteAsync(HttpContext, "Admin/Outbox.graphql", new { status = Status, after = (string?)null });
        }
        if (result.HasErrors)
        {
            throw new PageGraphQLException("Admin/Outbox.graphql", result.Errors);
        }
        Messages = result.Data.GetProperty("outbox");
        var pageInfo = Messages.GetProperty("pageInfo");
        if (pageInfo.GetProperty("hasNextPage").GetBoolean())
        {
            var next = new QueryString().Add("after", pageInfo.GetProperty("endCursor").GetString() ?? "");
            NextPage = "/admin/outbox" + (Status is null ? next : QueryString.Create("status", Status).Add(next)).Value;
        }
        return Page();
    }
}
