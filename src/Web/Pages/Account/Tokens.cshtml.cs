using System.Globalization;
using System.Text.Json;
using InclusionNetwork.Web.Forms;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.Account;

/// <summary>
/// Everyone's own personal access tokens, for scripts that call the API: the list (name,
/// created, last used, expiry), a new one (its secret shown on this answer only, never stored
/// or sent again), and revoking one.
/// </summary>
public sealed class TokensModel : InclusionPage
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["name"] = "name",
        ["expiresInDays"] = "expiresInDays",
        ["password"] = "password",
    };

    public JsonElement Tokens { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? ExpiresInDays { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>Set only on the answer to a successful create: the secret, shown once.</summary>
    public string? NewSecret { get; private set; }

    public string? NewName { get; private set; }

    public DateTimeOffset? NewExpiresAt { get; private set; }

    public async Task<IActionResult> OnGetAsync() => OnlyFor() ?? await ShowAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (OnlyFor() is { } refused)
        {
            return refused;
        }
        int? days = null;
        if (string.IsNullOrWhiteSpace(Name))
        {
            Errors.Add("name", "Enter a name for the token");
        }
        if (!string.IsNullOrWhiteSpace(ExpiresInDays))
        {
            if (int.TryParse(ExpiresInDays.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                days = parsed;
            }
            else
            {
                Errors.Add("expiresInDays", "Days until it expires must be a whole number, like 30");
            }
        }
        if (string.IsNullOrEmpty(Password))
        {
            Errors.Add("password", "Enter your password");
        }
        if (Errors.Any)
        {
            return await ShowAsync();
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "Account/CreateAccessToken.graphql",
            new { input = new { name = Name!.Trim(), expiresInDays = days, password = Password } });
        var payload = result.Data.GetProperty("createAccessToken");
        foreach (var error in FormErrors.FromUserErrors(payload.GetProperty("errors"), Fields, "name").All)
        {
            Errors.Add(error.FieldId, error.Message);
        }
        if (!Errors.Any && payload.GetProperty("token").GetString() is { } secret)
        {
            // Answered directly, not redirected: the secret must not be kept anywhere to be shown again.
            NewSecret = secret;
            NewName = payload.GetProperty("accessToken").GetProperty("name").GetString();
            NewExpiresAt = payload.GetProperty("accessToken").GetProperty("expiresAt").GetDateTimeOffset();
            Name = null;
            ExpiresInDays = null;
            Response.Headers.CacheControl = "no-store";
        }
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string tokenId)
    {
        if (OnlyFor() is { } refused)
        {
            return refused;
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "Account/RevokeAccessToken.graphql", new { input = new { tokenId } });
        var payload = result.Data.GetProperty("revokeAccessToken");
        if (payload.GetProperty("revoked").GetBoolean())
        {
            Flash = "The token has been revoked. Anything still using it will be refused.";
            return LocalRedirect("/account/tokens");
        }
        foreach (var error in FormErrors.FromUserErrors(payload.GetProperty("errors"), Fields, "tokens").All)
        {
            Errors.Add(error.FieldId, error.Message);
        }
        return await ShowAsync();
    }

    private async Task<IActionResult> ShowAsync()
    {
        Title = "Access tokens";
        var result = await GraphQL.ExecuteAsync(HttpContext, "Account/Tokens.graphql");
        Tokens = result.Data.GetProperty("me").GetProperty("accessTokens");
        return Page();
    }
}
