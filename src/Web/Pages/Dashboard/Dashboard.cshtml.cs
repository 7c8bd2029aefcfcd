using System.Globalization;
using System.Text.Json;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.PeerReview;
using InclusionNetwork.Grains.TermDates;
using InclusionNetwork.Web.Formatting;
using InclusionNetwork.Web.GraphQL;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InclusionNetwork.Web.Pages.Dashboard;

/// <summary>
/// Uptake and impact, drawn on the server: any measure by any breakdown for a year or up to
/// the end of a quarter, for a scope of schools (mainstream unless chosen otherwise, as the
/// delivery plan reports), with the training filters; a table and a bar chart (SVG) of the same
/// figures, the quarter-by-quarter trend, and the CSV of the same figures. Filters are a
/// GET form, so every view has an address and works without JavaScript. Network leads and ILEs
/// see their district's rows and the county total (the schema's rule); a breakdown they may not
/// use is said so beside its field. The trend is the county's for commissioners and admins, and
/// each of their districts' for network leads and ILEs: those are the figures they act on.
/// </summary>
public sealed class DashboardModel : InclusionPage
{
    public static readonly Role[] Readers = [Role.COMMISSIONER, Role.ADMIN, Role.NETWORK_LEAD, Role.LEADER];

    public static readonly IReadOnlyList<(string Value, string Text)> Measures =
        [("peerReview", "Peer review"), ("leadership", "Inclusion leadership"), ("training", "Training"), ("evaluations", "Evaluations")];

    public static readonly IReadOnlyList<(string Value, string Text)> Breakdowns =
        [("COUNTY", "County"), ("AREA", "Area"), ("DISTRICT", "District"), ("PHASE", "Phase"), ("SCHOOL_TYPE", "School type")];

    public static readonly IReadOnlyList<(string Value, string Text)> Scopes =
        [("MAINSTREAM", "Mainstream schools"), ("EARLY_YEARS", "Early years settings"), ("SPECIAL_AND_ALTERNATIVE", "Special schools and pupil referral units"), ("ALL", "Every open establishment")];

    public static readonly IReadOnlyList<(string Value, string Text)> Quarters =
        [("", "Whole year"), ("1", "Quarter 1 (September to November)"), ("2", "Quarter 2 (December to February)"), ("3", "Quarter 3 (March to May)"), ("4", "Quarter 4 (June to August)")];

    public static readonly string[] Strands = ["SCHOOL_TO_SCHOOL_SYSTEM", "TARGETED_AND_SPECIALIST", "PROGRESS_AND_OUTCOMES", "EARLY_YEARS"];

    public static readonly string[] NeedTypes = ["COMMUNICATION_AND_INTERACTION", "COGNITION_AND_LEARNING", "SOCIAL_EMOTIONAL_MENTAL_HEALTH", "SENSORY_AND_PHYSICAL", "WHOLE_SCHOOL"];

    private static readonly string[] Levels = ["MIDDLE", "SENIOR", "HEADTEACHER_EXECUTIVE"];

    /// <summary>A column of the table: its heading, whether it is a rate, and how to read it from a row.</summary>
    public sealed record Column(string Heading, bool IsRate, Func<JsonElement, JsonElement> Read);

    public string Measure { get; private set; } = "peerReview";

    public string GroupBy { get; private set; } = "DISTRICT";

    public string Year { get; private set; } = "";

    public int? Quarter { get; private set; }

    public string Scope { get; private set; } = "MAINSTREAM";

    public string? Strand { get; private set; }

    public string? NeedType { get; private set; }

    public bool CoreOfferOnly { get; private set; }

    public IReadOnlyList<Column> Columns { get; private set; } = [];

    public IReadOnlyList<JsonElement> Rows { get; private set; } = [];

    /// <summary>
    /// The county, or each of a district reader's districts, at the end of each quarter: (quarter,
    /// row), quarter by quarter and, within a quarter, district by district in the county's order.
    /// </summary>
    public IReadOnlyList<(int Quarter, JsonElement Row)> Trend { get; private set; } = [];

    /// <summary>Whether the trend is by district (a network lead's or an ILE's) rather than the county's.</summary>
    public bool TrendByDistrict { get; private set; }

    /// <summary>Whom the trend is about, in words: "the county", a district's name, or "your districts".</summary>
    public string TrendSubject { get; private set; } = "the county";

    public IReadOnlyList<Column> TrendColumns { get; private set; } = [];

    /// <summary>The rate the chart draws, one bar per row.</summary>
    public Column Chart { get; private set; } = null!;

    public string CsvLink { get; private set; } = "";

    public string MeasureName => Measures.First(m => m.Value == Measure).Text;

    public string ScopeName => Scopes.First(s => s.Value == Scope).Text;

    public bool Training => Measure == "training";

    public bool TakesCourseFilters => Measure is "training" or "evaluations";

    public async Task<IActionResult> OnGetAsync(string? measure, string? groupBy, string? academicYear, string? quarter, string? scope,
        string? strand, string? needType, string? coreOfferOnly)
    {
        if (OnlyFor(Readers) is { } refused)
        {
            return refused;
        }
        Title = "Uptake and impact";
        Measure = Pick("measure", measure, Measures.Select(m => m.Value), "peerReview", "Choose a measure from the list");
        GroupBy = Pick("groupBy", groupBy, Breakdowns.Select(b => b.Value), "DISTRICT", "Choose a breakdown from the list");
        Scope = Pick("scope", scope, Scopes.Select(s => s.Value), "MAINSTREAM", "Choose which schools from the list");
        Strand = string.IsNullOrEmpty(strand) ? null : Pick("strand", strand, Strands, null, "Choose a strand from the list");
        NeedType = string.IsNullOrEmpty(needType) ? null : Pick("needType", needType, NeedTypes, null, "Choose an area of need from the list");
        CoreOfferOnly = coreOfferOnly == "true";
        // Commissioners and admins read every figure (UptakeAudience's rule); anyone else who
        // may open the page reads their districts' figures, so their trend is their districts'.
        TrendByDistrict = Viewer is { } viewer && !viewer.IsAdmin && !viewer.Has(Role.COMMISSIONER);
        var current = AcademicYear.Containing(LondonTime.DateOf(Now));
        Year = current.ToString();
        if (!string.IsNullOrEmpty(academicYear))
        {
            if (AcademicYear.TryParse(academicYear.Trim(), out var year))
            {
                Year = year.Value.ToString();
            }
            else
            {
                Errors.Add("academicYear", "Enter an academic year like " + current + ", from 1 September to 31 August");
            }
        }
        if (!string.IsNullOrEmpty(quarter))
        {
            if (int.TryParse(quarter, NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q is >= 1 and <= 4)
            {
                Quarter = q;
            }
            else
            {
                Errors.Add("quarter", "Choose a quarter from the list");
            }
        }
        var result = await RunAsync();
        if (result.FirstCode == "FORBIDDEN" && GroupBy != "DISTRICT")
        {
            // A network lead or an ILE reads their district's figures: say so, and show those.
            Errors.Add("groupBy", "You can see your district's figures: break down by district or county");
            GroupBy = "DISTRICT";
            result = await RunAsync();
        }
        if (result.HasErrors)
        {
            throw new PageGraphQLException("Dashboard/Dashboard.graphql", result.Errors);
        }
        Describe(result.Data.GetProperty("uptake"));
        CsvLink = "/reports/uptake.csv" + Filters().Value;
        return Page();
    }

    /// <summary>The filters as a query string (the CSV link's), leaving out what is not set.</summary>
    private QueryString Filters()
    {
        var query = new QueryString().Add("measure", Measure).Add("groupBy", GroupBy).Add("academicYear", Year);
        if (Quarter is { } q)
        {
            query = query.Add("quarter", q.ToString(CultureInfo.InvariantCulture));
        }
        query = query.Add("scope", Scope);
        if (TakesCourseFilters && Strand is not null)
        {
            query = query.Add("strand", Strand);
        }
        if (TakesCourseFilters && NeedType is not null)
        {
            query = query.Add("needType", NeedType);
        }
        if (Training && CoreOfferOnly)
        {
            query = query.Add("coreOfferOnly", "true");
        }
        return query;
    }

    private Task<PageData> RunAsync() => GraphQL.ExecuteAsync(HttpContext, "Dashboard/Dashboard.graphql", new
    {
        groupBy = GroupBy,
        trendBy = TrendByDistrict ? "DISTRICT" : "COUNTY",
        year = Year,
        quarter = Quarter,
        scope = Scope,
        strand = Strand,
        needType = NeedType,
        coreOfferOnly = CoreOfferOnly,
        peerReview = Measure == "peerReview",
        leadership = Measure == "leadership",
        training = Measure == "training",
        evaluations = Measure == "evaluations",
    });

    private void Describe(JsonElement uptake)
    {
        static Func<JsonElement, JsonElement> Field(string name) => row => row.GetProperty(name);
        static Func<JsonElement, JsonElement> Summary(string name) => row => row.GetProperty("summary").GetProperty(name);
        static Func<JsonElement, JsonElement> Level(int index, string name) => row => row.GetProperty("levels")[index].GetProperty(name);
        switch (Measure)
        {
            case "peerReview":
                Columns =
                [
                    new("Schools", false, Field("schools")), new("In an active cluster", false, Field("schoolsInCluster")),
                    new("Actively participating", false, Field("schoolsActivelyParticipating")), new("Reviewed", false, Field("schoolsReviewed")),
                    new("Implementing actions", false, Field("schoolsImplementingActions")), new("Active participation", true, Field("activeParticipationRate")),
                    new("Coverage", true, Field("coverageRate")), new("Implementing, of those reviewed", true, Field("implementingRate")),
                ];
                Chart = Columns[5];
                TrendColumns = [Columns[2], Columns[3], Columns[4], Columns[5], Columns[7]];
                break;
            case "leadership":
                Columns =
                [
                    new("Schools", false, Field("schools")), new("With a senior and a middle leader trained", false, Field("schoolsWithSeniorAndMiddleLeader")),
                    new("Rate", true, Field("rate")),
                    .. Levels.SelectMany((level, i) => new Column[] { new($"{Format.Label(level)} level", false, Level(i, "schools")), new($"{Format.Label(level)} level rate", true, Level(i, "rate")) }),
                ];
                Chart = Columns[2];
                TrendColumns = [Columns[1], Columns[2], Columns[3], Columns[5], Columns[7]];
                break;
            case "training":
                Columns =
                [
                    new("Schools", false, Field("schools")), new("Engaged", false, Field("schoolsEngaged")), new("Bookings", false, Field("bookings")),
                    new("Completions", false, Field("completions")), new("Engagement", true, Field("engagementRate")), new("Completion", true, Field("completionRate")),
                ];
                Chart = Columns[4];
                TrendColumns = [Columns[1], Columns[2], Columns[3], Columns[4]];
                break;
            default:
                Columns =
                [
                    new("Responses", false, Summary("responses")), new("Rated good or excellent", true, Summary("goodOrExcellentRate")),
                    new("Knowledge improved", true, Summary("improvedKnowledgeRate")), new("Confidence improved", true, Summary("improvedConfidenceRate")),
                    new("Follow-ups", false, Summary("followUps")), new("Put into practice", true, Summary("implementedRate")),
                ];
                Chart = Columns[1];
                TrendColumns = Columns;
                break;
        }
        Rows = [.. uptake.GetProperty(Measure).EnumerateArray()];
        Trend = [.. Enumerable.Range(1, 4).SelectMany(q => uptake.GetProperty($"{Measure}Q{q}").EnumerateArray().Select(row => (q, row)))];
        if (TrendByDistrict)
        {
            var districts = Trend.Select(t => t.Row.GetProperty("group").GetString()).Distinct().ToList();
            TrendSubject = districts.Count == 1 ? districts[0] ?? "" : "your districts";
        }
    }

    /// <summary>A trend row's label: the quarter, and the district when the trend is by district.</summary>
    public string TrendLabel(int quarter, JsonElement row, bool longForm) =>
        (longForm ? Quarters[quarter].Text : $"Quarter {quarter}") + (TrendByDistrict ? ", " + Group(row) : "");

    /// <summary>Whether a row's figures are withheld (evaluations with too few responses).</summary>
    public static bool IsSuppressed(JsonElement row) =>
        row.TryGetProperty("summary", out var summary) && summary.GetProperty("suppressed").GetBoolean();

    /// <summary>A group's name as people read it: enum names (phases, school types) in words, place names as they are.</summary>
    public static string Group(JsonElement row) => row.GetProperty("group").GetString() is { } group && group.All(c => char.IsUpper(c) || c == '_')
        ? Format.Label(group)
        : row.GetProperty("group").GetString() ?? "";

    public static string Cell(JsonElement value, bool isRate) => value.ValueKind switch
    {
        JsonValueKind.Null => isRate ? "No figure" : "0",
        JsonValueKind.Number when isRate => value.GetDouble().ToString("0%", CultureInfo.InvariantCulture),
        JsonValueKind.Number => value.GetInt32().ToString("N0", CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private string Pick(string field, string? value, IEnumerable<string> allowed, string? fallback, string message)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback!;
        }
        if (allowed.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }
        Errors.Add(field, message);
        return fallback!;
    }
}
