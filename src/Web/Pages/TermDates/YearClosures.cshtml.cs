using InclusionNetwork.Grains.Accounts;

namespace InclusionNetwork.Web.Pages.TermDates;

/// <summary><c>/admin/term-dates/{year}/closures?urn=</c>: from a year's term dates, a school's training days that year.</summary>
public sealed class YearClosuresModel : ClosureDaysPage
{
    public override string Address(string yearId, string? urn) =>
        $"/admin/term-dates/{TermDateText.Slug(yearId)}/closures{(urn is null ? "" : "?urn=" + Uri.EscapeDataString(urn))}";

    public override bool YearInQuery => false;

    /// <summary>Under /admin: bookers keep their own school's days at /school/closures.</summary>
    protected override Role[] AllowedRoles => [Role.ADMIN];

    protected override string? YearFromAddress() => TermDateText.YearId(RouteData.Values["year"]?.ToString() ?? "");
}
