using System.Text.Json;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.PeerReview;
using InclusionNetwork.Grains.TermDates;
using InclusionNetwork.Web.Forms;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionNetwork.Web.Pages.TermDates;

/// <summary>
/// A school's training (INSET) days in one academic year: list, add (a school day with a
/// reason), remove. A school's bookers keep their own school's; admins choose a school by
/// URN. Shared by <c>/school/closures</c> and <c>/admin/term-dates/{year}/closures</c>.
/// </summary>
public abstract class ClosureDaysPage : InclusionPage
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["date"] = "date",
        ["reason"] = "reason",
        ["schoolUrn"] = "urn",
    };

    public string YearId { get; protected set; } = "";

    /// <summary>The school shown; null when an admin has not chosen one yet.</summary>
    public string? Urn { get; private set; }

    public bool IsAdmin { get; private set; }

    public JsonElement School { get; private set; }

    public IReadOnlyList<string> YearIds { get; private set; } = [];

    [BindProperty]
    public string? Date { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>This page's address for a school and year (admins' school in <c>?urn=</c>).</summary>
    public abstract string Address(string yearId, string? urn);

    /// <summary>True when the year is in the query string (kept by the admin's school form), not the path.</summary>
    public abstract bool YearInQuery { get; }

    /// <summary>Who may use the page's address.</summary>
    protected virtual Role[] AllowedRoles => [Role.ADMIN, Role.SCHOOL_BOOKER];

    /// <summary>The year of the address; null for the current one.</summary>
    protected abstract string? YearFromAddress();

    public async Task<IActionResult> OnGetAsync(string? urn) => await LoadAsync(urn) ?? Page();

    public async Task<IActionResult> OnPostAddAsync(string? urn)
    {
        if (await LoadAsync(urn) is { } stop)
        {
            return stop;
        }
        if (Urn is null)
        {
            return NotForYou();
        }
        if (!TermDateText.TryDate(Date, out var date))
        {
            Errors.Add("date", "Enter the training day as a real date, like 2027-01-04");
            return Page();
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "TermDates/AddClosure.graphql",
            new { input = new { schoolUrn = Urn, date = TermDateText.Iso(date), reason = Reason ?? "" } });
        return Done(result.Data.GetProperty("addClosureDay").GetProperty("errors"), $"{Formatting.Format.Day(date)} has been added as a training day.");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? urn, string removeDate)
    {
        if (await LoadAsync(urn) is { } stop)
        {
            return stop;
        }
        if (Urn is null || !TermDateText.TryDate(removeDate, out var date))
        {
            return NotForYou();
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "TermDates/RemoveClosure.graphql", new { input = new { schoolUrn = Urn, date = TermDateText.Iso(date) } });
        return Done(result.Data.GetProperty("removeClosureDay").GetProperty("errors"), $"{Formatting.Format.Day(date)} is no longer a training day.");
    }

    public IEnumerable<JsonElement> Days() =>
        School.ValueKind == JsonValueKind.Object ? School.GetProperty("closureDays").EnumerateArray() : [];

    private IActionResult Done(JsonElement errors, string flash)
    {
        foreach (var error in FormErrors.FromUserErrors(errors, Fields, "date").All)
        {
            Errors.Add(error.FieldId, error.Message);
        }
        if (Errors.Any)
        {
            return Page();
        }
        Flash = flash;
        return LocalRedirect(Address(YearId, IsAdmin ? Urn : null));
    }

    /// <summary>Bookers (their school) and admins (the school in <c>?urn=</c>); null when the page may be drawn.</summary>
    private async Task<IActionResult?> LoadAsync(string? urn)
    {
        if (OnlyFor(AllowedRoles) is { } refused)
        {
            return refused;
        }
        var viewer = Viewer!;
        IsAdmin = viewer.IsAdmin;
        Urn = IsAdmin ? (string.IsNullOrWhiteSpace(urn) ? null : urn.Trim()) : viewer.SchoolUrn;
        var clock = HttpContext.RequestServices.GetRequiredService<Grains.Common.DomainClock>();
        YearId = YearFromAddress() ?? AcademicYear.Containing(LondonTime.Today(clock)).ToString();
        Title = "Training days";
        if (!Grains.TermDates.AcademicYear.TryParse(YearId, out _))
        {
            Title = "Page not found";
            Response.StatusCode = StatusCodes.Status404NotFound;
            YearId = AcademicYear.Containing(LondonTime.Today(clock)).ToString();
            Urn = null;
            return Page();
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "TermDates/Closures.graphql", new { urn = Urn ?? "", year = YearId });
        YearIds = [.. result.Data.GetProperty("academicYears").EnumerateArray().Select(y => y.GetProperty("id").GetString()!)];
        School = result.Data.GetProperty("school");
        if (Urn is not null && School.ValueKind != JsonValueKind.Object)
        {
            Errors.Add("urn", "No school has that URN");
            Urn = null;
        }
        return null;
    }
}
