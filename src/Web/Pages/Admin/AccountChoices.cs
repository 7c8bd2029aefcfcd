using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Web.Components;
using InclusionNetwork.Web.Formatting;

namespace InclusionNetwork.Web.Pages.Admin;

/// <summary>The roles as form choices, in the contract's order, shared by the account, search and invitation forms.</summary>
public static class AccountChoices
{
    public static IReadOnlyList<string> Roles { get; } = [.. Enum.GetNames<Role>()];

    public static IEnumerable<Govuk.Option> RoleOptions(IEnumerable<string>? only = null) =>
        (only ?? Roles).Select(r => new Govuk.Option(r, Format.Label(r)));
}
