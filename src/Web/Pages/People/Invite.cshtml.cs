using System.Text.Json;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Web.Components;
using InclusionNetwork.Web.Forms;
using InclusionNetwork.Web.Pages.Admin;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.People;

/// <summary>
/// Invite someone by email. Admins: anyone, any role, any school. A school's bookers: STAFF
/// or SCHOOL_BOOKER of their own school, optionally linked to a member of its staff. The
/// email carries a link that works once, for 7 days.
/// </summary>
public sealed class InviteModel : InclusionPage
{
    private static readonly string[] SchoolRoles = [nameof(Role.STAFF), nameof(Role.SCHOOL_BOOKER)];

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["email"] = "email",
        ["name"] = "name",
        ["roles"] = "roles",
        ["schoolUrn"] = "schoolUrn",
        ["staffId"] = "staffId",
    };

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    public string? SchoolUrn { get; set; }

    [BindProperty]
    public string? StaffId { get; set; }

    /// <summary>True for admins: every role and any school; otherwise the booker's own school only.</summary>
    public bool AnyRole { get; private set; }

    public string? OwnSchoolName { get; private set; }

    public IReadOnlyList<Govuk.Option> RoleOptions { get; private set; } = [];

    public IReadOnlyList<Govuk.Option> StaffOptions { get; private set; } = [];

    private IReadOnlyList<JsonElement> staffRecords = [];

    /// <summary><paramref name="staffId"/>: from the school's staff page, the form starts filled in for that member of staff.</summary>
    public async Task<IActionResult> OnGetAsync(string? staffId = null)
    {
        if (OnlyFor(Role.ADMIN, Role.SCHOOL_BOOKER) is { } refused)
        {
            return refused;
        }
        await LoadChoicesAsync();
        if (staffRecords.FirstOrDefault(s => s.GetProperty("id").GetString() == staffId) is { ValueKind: JsonValueKind.Object } member)
        {
            StaffId = staffId;
            Name = member.GetProperty("name").GetString();
            Email = member.GetProperty("email").ValueKind == JsonValueKind.String ? member.GetProperty("email").GetString() : null;
            Roles = [nameof(Role.STAFF)];
        }
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (OnlyFor(Role.ADMIN, Role.SCHOOL_BOOKER) is { } refused)
        {
            return refused;
        }
        await LoadChoicesAsync();
        if (string.IsNullOrWhiteSpace(Email))
        {
            Errors.Add("email", "Enter their email address");
        }
        if (string.IsNullOrWhiteSpace(Name))
        {
            Errors.Add("name", "Enter their name");
        }
        if (Roles.Count == 0)
        {
            Errors.Add("roles", "Select at least one role");
        }
        if (Errors.Any)
        {
            return await ShowAsync();
        }
        var input = new
        {
            email = Email!.Trim(),
            name = Name!.Trim(),
            roles = Roles,
            // A booker invites to their own school only: the school is theirs, whatever the form says.
            schoolUrn = AnyRole ? (string.IsNullOrWhiteSpace(SchoolUrn) ? null : SchoolUrn.Trim()) : Viewer!.SchoolUrn,
            staffId = AnyRole || string.IsNullOrEmpty(StaffId) ? null : StaffId,
        };
        var result = await GraphQL.ExecuteAsync(HttpContext, "People/Invite.graphql", new { input });
        var payload = result.Data.GetProperty("invite");
        foreach (var error in FormErrors.FromUserErrors(payload.GetProperty("errors"), Fields, "email").All)
        {
            Errors.Add(error.FieldId, error.Message);
        }
        if (Errors.Any)
        {
            return await ShowAsync();
        }
        Flash = $"An invitation has been sent to {payload.GetProperty("invitation").GetProperty("email").GetString()}.";
        return LocalRedirect("/invitations");
    }

    private async Task<IActionResult> ShowAsync()
    {
        if (RoleOptions.Count == 0)
        {
            await LoadChoicesAsync();
        }
        Title = "Invite someone";
        return Page();
    }

    private async Task LoadChoicesAsync()
    {
        var result = await GraphQL.ExecuteAsync(HttpContext, "People/InviteChoices.graphql");
        var me = result.Data.GetProperty("me");
        AnyRole = me.GetProperty("roles").EnumerateArray().Any(r => r.GetString() == nameof(Role.ADMIN));
        RoleOptions = [.. AccountChoices.RoleOptions(AnyRole ? null : SchoolRoles)];
        if (!AnyRole && me.GetProperty("school") is { ValueKind: JsonValueKind.Object } school)
        {
            OwnSchoolName = school.GetProperty("name").GetString();
            staffRecords = [.. school.GetProperty("staff").EnumerateArray()];
            StaffOptions =
            [
                new Govuk.Option("", "Do not link to a member of staff"),
                .. school.GetProperty("staff").EnumerateArray().Select(s => new Govuk.Option(s.GetProperty("id").GetString()!, s.GetProperty("name").GetString()!)),
            ];
        }
    }
}
