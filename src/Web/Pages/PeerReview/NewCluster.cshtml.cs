using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.PeerReview;
using InclusionNetwork.Web.Components;
using InclusionNetwork.Web.Forms;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionNetwork.Web.Pages.PeerReview;

/// <summary>
/// Forming a peer-review cluster for this academic year or the next: a name, its leader (a
/// leader leads what they form; admins choose), and 4 to 6 schools found by name, URN or
/// district.
/// </summary>
public sealed class NewClusterModel : InclusionPage
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["name"] = "name",
        ["academicYear"] = "academicYear",
        ["leaderId"] = "leaderId",
        ["memberUrns"] = "memberUrns",
    };

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? AcademicYear { get; set; }

    [BindProperty]
    public string? LeaderId { get; set; }

    [BindProperty]
    public List<string> MemberUrns { get; set; } = [];

    [BindProperty]
    public List<string> Seen { get; set; } = [];

    [BindProperty]
    public string? Search { get; set; }

    [BindProperty]
    public string? District { get; set; }

    public SchoolPicker Picker { get; private set; } = new();

    public IReadOnlyList<Govuk.Option> Years { get; private set; } = [];

    public IReadOnlyList<Govuk.Option> Leaders { get; private set; } = [];

    public bool IsAdmin { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } stop)
        {
            return stop;
        }
        AcademicYear = Years[0].Value;
        await Picker.LoadAsync(GraphQL, HttpContext);
        return Page();
    }

    /// <summary>"Find schools": the same form again, with the schools that match listed to tick.</summary>
    public async Task<IActionResult> OnPostFindAsync()
    {
        if (await LoadAsync() is { } stop)
        {
            return stop;
        }
        await Picker.LoadAsync(GraphQL, HttpContext);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (await LoadAsync() is { } stop)
        {
            return stop;
        }
        if (string.IsNullOrWhiteSpace(Name))
        {
            Errors.Add("name", "Enter a name for the cluster");
        }
        if (Picker.Chosen.Count == 0)
        {
            Errors.Add("memberUrns", "Find and tick the cluster's schools");
        }
        if (!Errors.Any)
        {
            var input = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = Name!.Trim(),
                ["academicYear"] = AcademicYear ?? "",
                ["memberUrns"] = Picker.Chosen.Select(c => c.Urn).ToArray(),
            };
            if (IsAdmin && !string.IsNullOrWhiteSpace(LeaderId))
            {
                input["leaderId"] = LeaderId;
            }
            var result = await GraphQL.ExecuteAsync(HttpContext, "PeerReview/CreateCluster.graphql", new { input });
            var payload = result.Data.GetProperty("createCluster");
            foreach (var error in FormErrors.FromUserErrors(payload.GetProperty("errors"), Fields, "name").All)
            {
                Errors.Add(error.FieldId, error.Message);
            }
            if (!Errors.Any)
            {
                var cluster = payload.GetProperty("cluster");
                Flash = $"{cluster.GetProperty("name").GetString()} is formed. Plan its review cycle when it is ready.";
                return LocalRedirect($"/ile/clusters/{Uri.EscapeDataString(cluster.GetProperty("id").GetString()!)}");
            }
        }
        await Picker.LoadAsync(GraphQL, HttpContext);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (OnlyFor(Role.LEADER, Role.ADMIN) is { } stop)
        {
            return stop;
        }
        Title = "Form a cluster";
        IsAdmin = Viewer!.IsAdmin;
        var clock = HttpContext.RequestServices.GetRequiredService<DomainClock>();
        Years = [.. PeerReviewYears.Open(clock).Select(y => new Govuk.Option(y.ToString(), y.ToString()))];
        Picker = new SchoolPicker { Search = Search, District = District, Chosen = SchoolPicker.FromForm(MemberUrns, Seen) };
        if (IsAdmin)
        {
            var result = await GraphQL.ExecuteAsync(HttpContext, "PeerReview/NewCluster.graphql");
            Leaders = [new Govuk.Option("", "No leader yet"),
                .. result.Data.GetProperty("inclusionLeaders").EnumerateArray().Where(l => !l.GetProperty("retired").GetBoolean())
                    .Select(l => new Govuk.Option(l.GetProperty("id").GetString()!, l.GetProperty("name").GetString()!))];
        }
        return null;
    }
}
