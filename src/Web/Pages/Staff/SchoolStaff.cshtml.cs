using System.Text.Json;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Web.Components;
using InclusionNetwork.Web.Forms;
using InclusionNetwork.Web.GraphQL;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.Staff;

/// <summary>
/// A school's bookers keep its staff list: add someone, change their role, remove them (their
/// bookings and reviews keep their history, and their account stops acting for the school),
/// and invite them to sign in.
/// </summary>
public sealed class SchoolStaffModel : InclusionPage
{
    public static readonly string[] StaffRoles =
    [
        "HEADTEACHER", "EXECUTIVE_HEADTEACHER", "SENIOR_LEADER", "MIDDLE_LEADER", "SENCO",
        "TEACHER", "EARLY_CAREER_TEACHER", "TEACHING_ASSISTANT", "GOVERNOR", "EARLY_YEARS_PRACTITIONER", "OTHER",
    ];

    private static readonly Dictionary<string, string> AddFields = new(StringComparer.Ordinal)
    {
        ["name"] = "name", ["email"] = "email", ["role"] = "role",
    };

    public JsonElement School { get; private set; }

    public IReadOnlyList<JsonElement> Members { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    /// <summary>The member whose role change was refused, and the role chosen, kept for the page.</summary>
    public string? PostedStaffId { get; private set; }

    public static IEnumerable<Govuk.Option> RoleOptions(bool withChoose) =>
        (withChoose ? [new Govuk.Option("", "Choose a role")] : Array.Empty<Govuk.Option>())
            .Concat(StaffRoles.Select(r => new Govuk.Option(r, Formatting.Format.Label(r))));

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (await LoadAsync() is { } stop)
        {
            return stop;
        }
        if (string.IsNullOrWhiteSpace(Name))
        {
            Errors.Add("name", "Enter the person’s name");
        }
        if (!StaffRoles.Contains(Role))
        {
            Errors.Add("role", "Choose their role");
        }
        if (Errors.Any)
        {
            return Page();
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "Staff/AddStaff.graphql", new
        {
            input = new { schoolUrn = School.GetProperty("urn").GetString(), name = Name!.Trim(), email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim(), role = Role },
        });
        var payload = result.Data.GetProperty("addStaff");
        return Done(FormErrors.FromUserErrors(payload.GetProperty("errors"), AddFields, "name"),
            () => $"{payload.GetProperty("staff").GetProperty("name").GetString()} has been added to the staff.");
    }

    public async Task<IActionResult> OnPostChangeRoleAsync(string staffId, string role)
    {
        if (await LoadAsync() is { } stop)
        {
            return stop;
        }
        PostedStaffId = staffId;
        Role = role;
        var field = $"role-{staffId}";
        if (!StaffRoles.Contains(role))
        {
            Errors.Add(field, "Choose their role");
            return Page();
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "Staff/ChangeStaffRole.graphql", new { input = new { staffId, role } });
        var payload = result.Data.GetProperty("changeStaffRole");
        return Done(FormErrors.FromUserErrors(payload.GetProperty("errors"), new Dictionary<string, string>(StringComparer.Ordinal) { ["role"] = field }, field),
            () => $"{payload.GetProperty("staff").GetProperty("name").GetString()}’s role is now {Formatting.Format.Label(role)}.");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string staffId)
    {
        if (await LoadAsync() is { } stop)
        {
            return stop;
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "Staff/RemoveStaff.graphql", new { input = new { staffId } });
        var payload = result.Data.GetProperty("removeStaff");
        return Done(FormErrors.FromUserErrors(payload.GetProperty("errors"), new Dictionary<string, string>(), "staff"),
            () => $"{payload.GetProperty("staff").GetProperty("name").GetString()} has been removed from the staff.");
    }

    private IActionResult Done(FormErrors errors, Func<string> done)
    {
        foreach (var error in errors.All)
        {
            Errors.Add(error.FieldId, error.Message);
        }
        if (Errors.Any)
        {
            return Page();
        }
        Flash = done();
        return LocalRedirect("/school/staff");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (OnlyFor(Grains.Accounts.Role.SCHOOL_BOOKER) is { } stop)
        {
            return stop;
        }
        Title = "Your school’s staff";
        var result = await GraphQL.ExecuteAsync(HttpContext, "Staff/SchoolStaff.graphql");
        // A field that failed (a busy database, say) is a problem on our side, shown as one,
        // never mistaken for the visitor having no school.
        if (result.HasErrors && result.FirstCode != "FORBIDDEN")
        {
            throw new PageGraphQLException("Staff/SchoolStaff.graphql", result.Errors);
        }
        School = result.Data.GetProperty("me").GetProperty("school");
        if (School.ValueKind != JsonValueKind.Object)
        {
            return NotForYou();
        }
        Members = [.. School.GetProperty("staff").EnumerateArray().OrderBy(s => s.GetProperty("name").GetString(), StringComparer.OrdinalIgnoreCase)];
        return null;
    }
}
