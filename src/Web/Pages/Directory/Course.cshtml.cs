using System.Text.Json;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.Directory;

/// <summary>A course's page (public): what it is, and each upcoming run with its sessions and places.</summary>
public sealed class CourseModel : InclusionPage
{
    public JsonElement Course { get; private set; }

    /// <summary>The viewer's roles as the schema reports them (empty when signed out).</summary>
    public IReadOnlySet<string> Roles { get; private set; } = new HashSet<string>();

    public bool Has(params string[] roles) => roles.Any(Roles.Contains);

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var result = await GraphQL.ExecuteAsync(HttpContext, "Directory/Course.graphql", new { id });
        var course = result.Data.ValueKind == JsonValueKind.Object && result.Data.TryGetProperty("course", out var c) ? c : default;
        if (course.ValueKind != JsonValueKind.Object)
        {
            Title = "Course not found";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Course = course;
        Roles = result.Data.GetProperty("me") is { ValueKind: JsonValueKind.Object } me
            ? me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>();
        Title = course.GetProperty("title").GetString()!;
        return Page();
    }
}
