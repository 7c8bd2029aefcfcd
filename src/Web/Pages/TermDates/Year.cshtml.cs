using System.Text.Json;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Web.Components;
using InclusionNetwork.Web.Forms;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.TermDates;

/// <summary>
/// Admins: one academic year's terms, half terms and holidays; add one, change one (the form
/// filled in from "Change"), remove one. A refused period (overlapping terms, outside the year)
/// comes back with its message beside the field and the values kept.
/// </summary>
public sealed class YearModel : InclusionPage
{
    public static readonly IReadOnlyList<Govuk.Option> Kinds =
        [new("TERM", "Term", "Pupils are in school"), new("HALF_TERM", "Half term"), new("HOLIDAY", "Holiday")];

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["kind"] = "kind",
        ["name"] = "name",
        ["startsOn"] = "startsOn",
        ["endsOn"] = "endsOn",
        ["academicYear"] = "startsOn",
    };

    public string YearId { get; private set; } = "";

    public JsonElement AcademicYear { get; private set; }

    /// <summary>The period being changed; null when the form adds one.</summary>
    [BindProperty]
    public string? PeriodId { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? StartsOn { get; set; }

    [BindProperty]
    public string? EndsOn { get; set; }

    public async Task<IActionResult> OnGetAsync(string year, string? change)
    {
        if (await LoadAsync(year) is { } stop)
        {
            return stop;
        }
        if (change is not null && Periods().FirstOrDefault(p => p.GetProperty("id").GetString() == change) is { ValueKind: JsonValueKind.Object } period)
        {
            PeriodId = change;
            Kind = period.GetProperty("kind").GetString();
            Name = period.GetProperty("name").GetString();
            StartsOn = period.GetProperty("startsOn").GetString();
            EndsOn = period.GetProperty("endsOn").GetString();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string year)
    {
        if (await LoadAsync(year) is { } stop)
        {
            return stop;
        }
        if (string.IsNullOrEmpty(Kind) || !Kinds.Any(k => k.Value == Kind))
        {
            Errors.Add("kind", "Choose term, half term or holiday");
        }
        if (!TermDateText.TryDate(StartsOn, out var startsOn))
        {
            Errors.Add("startsOn", "Enter the first day as a real date, like 2027-09-02");
        }
        if (!TermDateText.TryDate(EndsOn, out var endsOn))
        {
            Errors.Add("endsOn", "Enter the last day as a real date, like 2027-10-22");
        }
        if (Errors.Any)
        {
            return Page();
        }
        var (document, payload, input) = PeriodId is null
            ? ("TermDates/AddPeriod.graphql", "addTermPeriod",
                (object)new { academicYear = YearId, kind = Kind, name = Name ?? "", startsOn = TermDateText.Iso(startsOn), endsOn = TermDateText.Iso(endsOn) })
            : ("TermDates/UpdatePeriod.graphql", "updateTermPeriod",
                new { id = PeriodId, kind = Kind, name = Name ?? "", startsOn = TermDateText.Iso(startsOn), endsOn = TermDateText.Iso(endsOn) });
        var result = await GraphQL.ExecuteAsync(HttpContext, document, new { input });
        foreach (var error in FormErrors.FromUserErrors(result.Data.GetProperty(payload).GetProperty("errors"), Fields, "name").All)
        {
            Errors.Add(error.FieldId, error.Message);
        }
        if (Errors.Any)
        {
            return Page();
        }
        var name = result.Data.GetProperty(payload).GetProperty("termPeriod").GetProperty("name").GetString();
        Flash = PeriodId is null ? $"{name} has been added to {YearId}." : $"{name} has been changed.";
        return LocalRedirect($"/admin/term-dates/{TermDateText.Slug(YearId)}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string year, string removeId)
    {
        if (await LoadAsync(year) is { } stop)
        {
            return stop;
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "TermDates/RemovePeriod.graphql", new { input = new { id = removeId } });
        var payload = result.Data.GetProperty("removeTermPeriod");
        foreach (var error in FormErrors.FromUserErrors(payload.GetProperty("errors"), Fields, "name").All)
        {
            Errors.Add(error.FieldId, error.Message);
        }
        if (Errors.Any)
        {
            return Page();
        }
        Flash = $"{payload.GetProperty("termPeriod").GetProperty("name").GetString()} has been removed from {YearId}.";
        return LocalRedirect($"/admin/term-dates/{TermDateText.Slug(YearId)}");
    }

    public IEnumerable<JsonElement> Periods() =>
        AcademicYear.ValueKind == JsonValueKind.Object ? AcademicYear.GetProperty("termPeriods").EnumerateArray() : [];

    /// <summary>Admins only; the year from the address, or the "Year not found" page (404).</summary>
    private async Task<IActionResult?> LoadAsync(string slug)
    {
        if (OnlyFor(Role.ADMIN) is { } refused)
        {
            return refused;
        }
        YearId = TermDateText.YearId(slug);
        var result = await GraphQL.ExecuteAsync(HttpContext, "TermDates/Years.graphql");
        AcademicYear = result.Data.GetProperty("academicYears").EnumerateArray().FirstOrDefault(y => y.GetProperty("id").GetString() == YearId);
        if (AcademicYear.ValueKind != JsonValueKind.Object)
        {
            Title = "Year not found";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Title = $"Term dates {YearId}";
        return null;
    }
}
