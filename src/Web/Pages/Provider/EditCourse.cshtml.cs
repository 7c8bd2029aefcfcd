using System.Globalization;
using System.Text.Json;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Web.Forms;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.Provider;

/// <summary>
/// Adds a course to the directory (<c>/courses/new</c>) or changes one
/// (<c>/courses/{id}/edit</c>). Admins any course; providers add their own and change the
/// courses they provide, which the mutation judges.
/// </summary>
public sealed class EditCourseModel : InclusionPage
{
    public static readonly string[] LeadershipLevels = ["MIDDLE", "SENIOR", "HEADTEACHER_EXECUTIVE"];

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["title"] = "title", ["summary"] = "summary", ["provider"] = "provider", ["strand"] = "strand", ["coreOffer"] = "coreOffer",
        ["audiences"] = "audiences", ["expectedImpact"] = "expectedImpact", ["priorKnowledge"] = "priorKnowledge",
        ["frameworkAreas"] = "frameworkAreas", ["needTypes"] = "needTypes", ["phases"] = "phases", ["deliveryMode"] = "deliveryMode",
        ["pricePence"] = "price", ["fundedReleaseDays"] = "fundedReleaseDays", ["leadershipLevel"] = "leadershipLevel", ["id"] = "title",
        ["providerAccountId"] = "provider",
    };

    /// <summary>Null when adding a course.</summary>
    public string? CourseId { get; private set; }

    [BindProperty] public string? CourseTitle { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? Provider { get; set; }
    [BindProperty] public string? Strand { get; set; }
    [BindProperty] public string? CoreOffer { get; set; }
    [BindProperty] public List<string> Audiences { get; set; } = [];
    [BindProperty] public string? ExpectedImpact { get; set; }
    [BindProperty] public string? PriorKnowledge { get; set; }
    [BindProperty] public List<string> FrameworkAreas { get; set; } = [];
    [BindProperty] public List<string> NeedTypes { get; set; } = [];
    [BindProperty] public List<string> Phases { get; set; } = [];
    [BindProperty] public string? DeliveryMode { get; set; }
    [BindProperty] public string? Price { get; set; }
    [BindProperty] public string? FundedReleaseDays { get; set; }
    [BindProperty] public string? LeadershipLevel { get; set; }

    public async Task<IActionResult> OnGetAsync(string? id)
    {
        if (await StartAsync(id) is { } stop)
        {
            return stop;
        }
        if (id is null)
        {
            CoreOffer = "false";
            Price = "0";
            FundedReleaseDays = "0";
            return Page();
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "Provider/EditCourse.graphql", new { id });
        var course = result.Data.ValueKind == JsonValueKind.Object ? result.Data.GetProperty("course") : default;
        if (course.ValueKind != JsonValueKind.Object)
        {
            Title = "Course not found";
            Response.StatusCode = StatusCodes.Status404NotFound;
            CourseId = null;
            return Page();
        }
        string? S(string name) => course.GetProperty(name).ValueKind == JsonValueKind.String ? course.GetProperty(name).GetString() : null;
        List<string> L(string name) => [.. course.GetProperty(name).EnumerateArray().Select(v => v.GetString()!)];
        CourseTitle = S("title");
        Summary = S("summary");
        Provider = S("provider");
        Strand = S("strand");
        CoreOffer = course.GetProperty("coreOffer").GetBoolean() ? "true" : "false";
        Audiences = L("audiences");
        ExpectedImpact = S("expectedImpact");
        PriorKnowledge = S("priorKnowledge");
        FrameworkAreas = L("frameworkAreas");
        NeedTypes = L("needTypes");
        Phases = L("phases");
        DeliveryMode = S("deliveryMode");
        Price = (course.GetProperty("pricePence").GetInt32() / 100m).ToString("0.00", CultureInfo.InvariantCulture);
        FundedReleaseDays = course.GetProperty("fundedReleaseDays").GetDouble().ToString(CultureInfo.InvariantCulture);
        LeadershipLevel = S("leadershipLevel") ?? "";
        Title = $"Change {CourseTitle}";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id)
    {
        if (await StartAsync(id) is { } stop)
        {
            return stop;
        }
        Title = id is null ? "Add a course" : $"Change {CourseTitle}";
        void Choose(string field, string? value, string[] allowed, string message)
        {
            if (value is null || !allowed.Contains(value, StringComparer.Ordinal))
            {
                Errors.Add(field, message);
            }
        }
        Choose("strand", Strand, Directory.DirectoryChoices.Strands, "Choose a strand");
        Choose("priorKnowledge", PriorKnowledge, Directory.DirectoryChoices.PriorKnowledge, "Choose the prior knowledge needed");
        Choose("deliveryMode", DeliveryMode, Directory.DirectoryChoices.DeliveryModes, "Choose how it is delivered");
        if (CoreOffer is not ("true" or "false"))
        {
            Errors.Add("coreOffer", "Say whether it is part of the core offer");
        }
        int? pence = decimal.TryParse(Price?.Trim().TrimStart('£'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pounds)
            && decimal.Round(pounds, 2) == pounds ? (int)(pounds * 100) : null;
        if (pence is null)
        {
            Errors.Add("price", "Enter the price per place in pounds, like 45.00, or 0 when funded");
        }
        double? days = double.TryParse(FundedReleaseDays?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;
        if (days is null)
        {
            Errors.Add("fundedReleaseDays", "Enter the funded release days as a number, like 0.5");
        }
        if (!string.IsNullOrEmpty(LeadershipLevel))
        {
            Choose("leadershipLevel", LeadershipLevel, LeadershipLevels, "Choose a level from the list, or none");
        }
        if (Errors.Any)
        {
            return Page();
        }
        static List<string> Known(List<string> values, string[] allowed) => [.. values.Where(v => allowed.Contains(v, StringComparer.Ordinal))];
        var input = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["title"] = CourseTitle ?? "",
            ["summary"] = Summary ?? "",
            ["provider"] = Provider ?? "",
            ["strand"] = Strand,
            ["coreOffer"] = CoreOffer == "true",
            ["audiences"] = Known(Audiences, Directory.DirectoryChoices.Audiences),
            ["expectedImpact"] = ExpectedImpact ?? "",
            ["priorKnowledge"] = PriorKnowledge,
            ["frameworkAreas"] = Known(FrameworkAreas, Directory.DirectoryChoices.FrameworkAreas),
            ["needTypes"] = Known(NeedTypes, Directory.DirectoryChoices.NeedTypes),
            ["phases"] = Known(Phases, Directory.DirectoryChoices.Phases),
            ["deliveryMode"] = DeliveryMode,
            ["pricePence"] = pence,
            ["fundedReleaseDays"] = days,
            ["leadershipLevel"] = string.IsNullOrEmpty(LeadershipLevel) ? null : LeadershipLevel,
        };
        if (id is not null)
        {
            input["id"] = id;
        }
        var result = await GraphQL.ExecuteAsync(HttpContext, "Provider/SaveCourse.graphql", new { input });
        var payload = result.Data.GetProperty("saveCourse");
        foreach (var error in FormErrors.FromUserErrors(payload.GetProperty("errors"), Fields, "title").All)
        {
            Errors.Add(error.FieldId, error.Message);
        }
        if (Errors.Any)
        {
            return Page();
        }
        Flash = id is null ? "The course is added to the directory." : "The course is changed.";
        return LocalRedirect($"/courses/{Uri.EscapeDataString(payload.GetProperty("course").GetProperty("id").GetString()!)}");
    }

    private Task<IActionResult?> StartAsync(string? id)
    {
        CourseId = id;
        Title = "Add a course";
        return Task.FromResult(OnlyFor(Role.PROVIDER, Role.ADMIN));
    }
}
