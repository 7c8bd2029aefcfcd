using System.Text.Json;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Web.Forms;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.TermDates;

/// <summary>
/// Admins: the academic years the county has term dates for, and adding the next one, so
/// clusters of that year can be planned once its terms are in.
/// </summary>
public sealed class YearsModel : InclusionPage
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal) { ["id"] = "year", ["startsOn"] = "year", ["endsOn"] = "year" };

    public IReadOnlyList<JsonElement> AcademicYears { get; private set; } = [];

    [BindProperty]
    public string? Year { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (OnlyFor(Role.ADMIN) is { } refused)
        {
            return refused;
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (OnlyFor(Role.ADMIN) is { } refused)
        {
            return refused;
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "TermDates/AddYear.graphql", new { input = new { id = Year?.Trim() ?? "" } });
        foreach (var error in FormErrors.FromUserErrors(result.Data.GetProperty("addAcademicYear").GetProperty("errors"), Fields, "year").All)
        {
            Errors.Add(error.FieldId, error.Message);
        }
        if (Errors.Any)
        {
            await LoadAsync();
            return Page();
        }
        var id = result.Data.GetProperty("addAcademicYear").GetProperty("academicYear").GetProperty("id").GetString()!;
        Flash = $"{id} has been added. Now add its terms and holidays.";
        return LocalRedirect($"/admin/term-dates/{TermDateText.Slug(id)}");
    }

    private async Task LoadAsync()
    {
        Title = "Term dates";
        var result = await GraphQL.ExecuteAsync(HttpContext, "TermDates/Years.graphql");
        AcademicYears = [.. result.Data.GetProperty("academicYears").EnumerateArray()];
    }
}
