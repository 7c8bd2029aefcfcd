using System.Globalization;
using System.Text.Json;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Web.Components;
using InclusionNetwork.Web.Forms;
using InclusionNetwork.Web.Pages.PeerReview;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.Networks;

/// <summary>
/// Admins create a network series: its kind, district and member schools (found as for a
/// cluster), and how often it meets, chosen in plain words ("the first Tuesday of each
/// month", "termly") or, for anything else, written as an RRULE.
/// </summary>
public sealed class NewNetworkModel : InclusionPage
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["name"] = "name", ["kind"] = "kind", ["districtId"] = "networkDistrict", ["memberUrns"] = "memberUrns",
        ["recurrence"] = "rule", ["firstStartsAt"] = "firstDate", ["durationMinutes"] = "duration", ["location"] = "location",
    };

    public static readonly Govuk.Option[] Frequencies =
    [
        new("MONTHLY_NTH", "Monthly, on the same weekday and week as the first meeting (for example, the first Tuesday)"),
        new("MONTHLY_LAST", "Monthly, on the last of the first meeting’s weekday"),
        new("WEEKLY", "Every week"),
        new("FORTNIGHTLY", "Every two weeks"),
        new("TERMLY", "Termly (every four months)"),
        new("NONE", "No pattern: add meetings one by one"),
        new("ADVANCED", "Another pattern, written as an RRULE"),
    ];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? NetworkDistrict { get; set; }
    [BindProperty] public string? Frequency { get; set; }
    [BindProperty] public string? Rule { get; set; }
    [BindProperty] public string? FirstDate { get; set; }
    [BindProperty] public string? StartTime { get; set; }
    [BindProperty] public string? Duration { get; set; }
    [BindProperty] public string? Location { get; set; }
    [BindProperty] public List<string> MemberUrns { get; set; } = [];
    [BindProperty] public List<string> Seen { get; set; } = [];
    [BindProperty] public string? Search { get; set; }
    [BindProperty] public string? District { get; set; }

    public SchoolPicker Picker { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (Refused() is { } stop)
        {
            return stop;
        }
        Frequency = "MONTHLY_NTH";
        Duration = "90";
        await Picker.LoadAsync(GraphQL, HttpContext);
        return Page();
    }

    public async Task<IActionResult> OnPostFindAsync()
    {
        if (Refused() is { } stop)
        {
            return stop;
        }
        await Picker.LoadAsync(GraphQL, HttpContext);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (Refused() is { } stop)
        {
            return stop;
        }
        if (string.IsNullOrWhiteSpace(Name))
        {
            Errors.Add("name", "Enter the network’s name");
        }
        if (!NetworkText.Kinds.Contains(Kind))
        {
            Errors.Add("kind", "Choose the kind of network");
        }
        var dated = NetworkText.TryDate(FirstDate, out var first);
        var timed = NetworkText.TryTime(StartTime, out var start);
        var needsFirst = Frequency != "NONE";
        if (needsFirst && !dated)
        {
            Errors.Add("firstDate", "Enter the date of the first meeting, like 2027-01-05");
        }
        if (needsFirst && !timed)
        {
            Errors.Add("startTime", "Enter the time meetings start, like 16:00");
        }
        if (!int.TryParse(Duration?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes is < 15 or > 600)
        {
            Errors.Add("duration", "Enter how long a meeting lasts, in minutes, from 15 to 600");
        }
        string? rule = Frequency switch
        {
            "NONE" => null,
            "ADVANCED" => string.IsNullOrWhiteSpace(Rule) ? null : Rule.Trim(),
            _ when dated => NetworkText.Rule(Frequency ?? "", first),
            _ => null,
        };
        if (Frequency == "ADVANCED" && rule is null)
        {
            Errors.Add("rule", "Write the RRULE, for example FREQ=MONTHLY;BYDAY=2WE");
        }
        if (Errors.Any)
        {
            await Picker.LoadAsync(GraphQL, HttpContext);
            return Page();
        }
        var input = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = Name!.Trim(),
            ["kind"] = Kind,
            ["districtId"] = string.IsNullOrWhiteSpace(NetworkDistrict) ? null : NetworkDistrict,
            ["memberUrns"] = Picker.Chosen.Select(c => c.Urn).ToArray(),
            ["recurrence"] = rule,
            ["firstStartsAt"] = needsFirst ? NetworkText.Instant(first, start) : null,
            ["durationMinutes"] = minutes,
            ["location"] = string.IsNullOrWhiteSpace(Location) ? null : Location.Trim(),
        };
        var result = await GraphQL.ExecuteAsync(HttpContext, "Networks/CreateNetwork.graphql", new { input });
        var payload = result.Data.GetProperty("createNetwork");
        foreach (var error in FormErrors.FromUserErrors(payload.GetProperty("errors"), Fields, "name").All)
        {
            Errors.Add(error.FieldId, error.Message);
        }
        if (Errors.Any)
        {
            await Picker.LoadAsync(GraphQL, HttpContext);
            return Page();
        }
        var network = payload.GetProperty("network");
        Flash = $"{network.GetProperty("name").GetString()} is created.";
        return LocalRedirect($"/networks/{Uri.EscapeDataString(network.GetProperty("id").GetString()!)}");
    }

    private IActionResult? Refused()
    {
        if (OnlyFor(Role.ADMIN) is { } stop)
        {
            return stop;
        }
        Title = "Create a network series";
        Picker = new SchoolPicker { Search = Search, District = District, Chosen = SchoolPicker.FromForm(MemberUrns, Seen) };
        return null;
    }
}
