namespace InclusionNetwork.Web.Pages.TermDates;

/// <summary><c>/school/closures</c>: a booker's own school's training days (admins choose a school), <c>?year=2027-28</c> for another year.</summary>
public sealed class SchoolClosuresModel : ClosureDaysPage
{
    public override string Address(string yearId, string? urn) =>
        $"/school/closures?year={Uri.EscapeDataString(TermDateText.Slug(yearId))}{(urn is null ? "" : "&urn=" + Uri.EscapeDataString(urn))}";

    public override bool YearInQuery => true;

    protected override string? YearFromAddress() =>
        Request.Query["year"].ToString() is { Length: > 0 } slug ? TermDateText.YearId(slug) : null;
}
