using System.Globalization;
using System.Text.Json;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Web.Forms;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.Admin;

/// <summary>
/// Admins: one account. Change its name, roles and school; deactivate it (every session, token
/// and feed stops at once) or reactivate it; make it an Inclusion Leader of Education.
/// </summary>
public sealed class AccountModel : InclusionPage
{
    private static readonly Dictionary<string, string> DetailFields = new(StringComparer.Ordinal)
    {
        ["name"] = "name",
        ["roles"] = "roles",
        ["schoolUrn"] = "schoolUrn",
    };

    private static readonly Dictionary<string, string> LeaderFields = new(StringComparer.Ordinal)
    {
        ["schoolUrn"] = "leaderSchoolUrn",
        ["maxClusters"] = "maxClusters",
    };

    public JsonElement Account { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    public string? SchoolUrn { get; set; }

    [BindProperty]
    public string? LeaderSchoolUrn { get; set; }

    [BindProperty]
    public string? MaxClusters { get; set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (OnlyFor(Role.ADMIN) is { } refused)
        {
            return refused;
        }
        return await ShowStoredAsync(id);
    }

    public async Task<IActionResult> OnPostDetailsAsync(string id)
    {
        if (OnlyFor(Role.ADMIN) is { } refused)
        {
            return refused;
        }
        if (string.IsNullOrWhiteSpace(Name))
        {
            Errors.Add("name", "Enter a name");
        }
        if (Roles.Count == 0)
        {
            Errors.Add("roles", "Select at least one role");
        }
        if (!Errors.Any)
        {
            var input = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["accountId"] = id,
                ["name"] = Name!.Trim(),
                ["roles"] = Roles,
                // Empty clears the school: only school-bound roles keep one.
                ["schoolUrn"] = string.IsNullOrWhiteSpace(SchoolUrn) ? null : SchoolUrn.Trim(),
            };
            if (await UpdateAsync(input, DetailFields, "name"))
            {
                Flash = "The account has been changed.";
                return LocalRedirect($"/admin/accounts/{Uri.EscapeDataString(id)}");
            }
        }
        return await LoadAsync(id) ?? Page();
    }

    public async Task<IActionResult> OnPostActiveAsync(string id, bool active)
    {
        if (OnlyFor(Role.ADMIN) is { } refused)
        {
            return refused;
        }
        if (await UpdateAsync(new Dictionary<string, object?>(StringComparer.Ordinal) { ["accountId"] = id, ["active"] = active }, DetailFields, "active"))
        {
            Flash = active ? "The account has been reactivated." : "The account has been deactivated. Its sessions, tokens and calendar feeds have stopped.";
            return LocalRedirect($"/admin/accounts/{Uri.EscapeDataString(id)}");
        }
        return await ShowStoredAsync(id);
    }

    public async Task<IActionResult> OnPostDesignateAsync(string id)
    {
        if (OnlyFor(Role.ADMIN) is { } refused)
        {
            return refused;
        }
        int? maxClusters = null;
        if (!string.IsNullOrWhiteSpace(MaxClusters))
        {
            if (int.TryParse(MaxClusters.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                maxClusters = parsed;
            }
            else
            {
                Errors.Add("maxClusters", "Most clusters a year must be a whole number, like 6");
            }
        }
        if (!Errors.Any)
        {
            var result = await GraphQL.ExecuteAsync(HttpContext, "Admin/DesignateLeader.graphql", new
            {
                input = new { accountId = id, schoolUrn = string.IsNullOrWhiteSpace(LeaderSchoolUrn) ? null : LeaderSchoolUrn.Trim(), maxClusters },
            });
            var payload = result.Data.GetProperty("designateInclusionLeader");
            foreach (var error in FormErrors.FromUserErrors(payload.GetProperty("errors"), LeaderFields, "leaderSchoolUrn").All)
            {
                Errors.Add(error.FieldId, error.Message);
            }
            if (!Errors.Any)
            {
                Flash = "The account is now an Inclusion Leader of Education.";
                return LocalRedirect($"/leaders/{Uri.EscapeDataString(payload.GetProperty("leader").GetProperty("id").GetString()!)}");
            }
        }
        return await ShowStoredAsync(id);
    }

    /// <summary>Runs updateAccount; its UserErrors land on the form's fields. True when it was accepted.</summary>
    private async Task<bool> UpdateAsync(Dictionary<string, object?> input, IReadOnlyDictionary<string, string> fields, string fallback)
    {
        var result = await GraphQL.ExecuteAsync(HttpContext, "Admin/UpdateAccount.graphql", new { input });
        foreach (var error in FormErrors.FromUserErrors(result.Data.GetProperty("updateAccount").GetProperty("errors"), fields, fallback).All)
        {
            Errors.Add(error.FieldId, error.Message);
        }
        return !Errors.Any;
    }

    /// <summary>
    /// The page with the details form showing the account as stored: on first view, and after a
    /// refused form other than the details one.
    /// </summary>
    private async Task<IActionResult> ShowStoredAsync(string id)
    {
        if (await LoadAsync(id) is { } missing)
        {
            return missing;
        }
        Name = Account.GetProperty("name").GetString();
        Roles = [.. Account.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!)];
        SchoolUrn = Account.GetProperty("school") is { ValueKind: JsonValueKind.Object } school ? school.GetProperty("urn").GetString() : null;
        return Page();
    }

    /// <summary>Loads the account into <see cref="Account"/>; a 404 page when there is none.</summary>
    private async Task<IActionResult?> LoadAsync(string id)
    {
        var result = await GraphQL.ExecuteAsync(HttpContext, "Admin/Account.graphql", new { id });
        Account = result.Data.ValueKind == JsonValueKind.Object && result.Data.TryGetProperty("account", out var a) ? a : default;
        if (Account.ValueKind != JsonValueKind.Object)
        {
            Title = "Account not found";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Title = Account.GetProperty("name").GetString()!;
        return null;
    }
}
