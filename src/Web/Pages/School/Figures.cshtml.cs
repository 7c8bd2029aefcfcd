using System.Globalization;
using System.Text.Json;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Web.GraphQL;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.School;

/// <summary>
/// A school's bookers and head: the school's own figures for this academic year beside its
/// district's and the county's, and the courses recommended after its latest review, so the
/// people who choose its training see where it stands and what to book next.
/// </summary>
public sealed class FiguresModel : InclusionPage
{
    private static readonly string[] HeadRoles = ["HEADTEACHER", "EXECUTIVE_HEADTEACHER"];

    public JsonElement School { get; private set; }

    public JsonElement Uptake { get; private set; }

    public JsonElement Courses { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (OnlyFor(Role.SCHOOL_BOOKER, Role.STAFF) is { } refused)
        {
            return refused;
        }
        if (Viewer is not { SchoolUrn: { } urn } viewer)
        {
            return NotForYou();
        }
        Title = "Your school’s figures";
        var result = await GraphQL.ExecuteAsync(HttpContext, "School/Figures.graphql", new { urn });
        if (result.HasErrors)
        {
            throw new PageGraphQLException("School/Figures.graphql", result.Errors);
        }
        School = result.Data.GetProperty("school");
        if (School.ValueKind != JsonValueKind.Object || !(viewer.Has(Role.SCHOOL_BOOKER) || IsHead(viewer)))
        {
            // Other members of staff book through their school's bookers and see their own bookings only.
            return NotForYou();
        }
        Uptake = School.GetProperty("uptake");
        Courses = School.GetProperty("recommendedCourses");
        return Page();
    }

    private bool IsHead(Viewer viewer) =>
        viewer.StaffId is { } staffId && School.GetProperty("staff").EnumerateArray().Any(s =>
            s.GetProperty("id").GetString() == staffId.ToString(CultureInfo.InvariantCulture)
            && HeadRoles.Contains(s.GetProperty("role").GetString(), StringComparer.Ordinal));

    /// <summary>A rate as a whole percentage, or "No figure" when there is nothing to divide by.</summary>
    public static string Percent(JsonElement rate) =>
        rate.ValueKind == JsonValueKind.Number ? Math.Round(rate.GetDouble() * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "No figure";
}
