using System.Globalization;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Courses;
using InclusionNetwork.Grains.Uptake;
using InclusionNetwork.Silo.Authentication;

namespace InclusionNetwork.Silo.Endpoints;

/// <summary>
/// <c>GET /reports/uptake.csv?measure=&amp;groupBy=&amp;academicYear=</c>, with every filter of the
/// dashboard: <c>quarter</c> (1–4), <c>scope</c> (a <see cref="SchoolScope"/>), and for training
/// and evaluations <c>strand</c>, <c>courseId</c>, <c>needType</c> and (training)
/// <c>coreOfferOnly=true</c>. The rows the GraphQL <c>uptake</c> field gives, as an RFC 4180 CSV
/// download, under the same rules: the same readers (<see cref="UptakeAudience"/>: a network
/// lead or an ILE gets their districts' rows of a DISTRICT breakdown and the county's total),
/// the same suppression of evaluations. Bearer token or session cookie. Anonymous callers get
/// 401, other roles 403, a bad parameter 400 naming it. Evaluations without <c>groupBy</c> are
/// the county's figure; with one they are <c>evaluationsBy</c>'s groups.
/// </summary>
public static class UptakeReportEndpoints
{
    private static readonly string[] MeasureNames = [.. Enum.GetValues<UptakeMeasure>().Select(UptakeCsv.MeasureName)];

    public static IEndpointRouteBuilder MapUptakeReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/uptake.csv", ReportAsync)
            .RequireAuthorization(policy => policy.RequireRole(
                nameof(Role.COMMISSIONER), nameof(Role.ADMIN), nameof(Role.NETWORK_LEAD), nameof(Role.LEADER)));
        return app;
    }

    private static async Task<IResult> ReportAsync(HttpContext context, UptakeReports reports, UptakeAudience audience, DomainClock clock, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        string? Single(string name) => query[name].Count > 1 ? throw new UptakeArgumentException($"Give {name} once.") : query[name].FirstOrDefault();
        UptakeMeasure measure;
        Breakdown? by;
        UptakePeriod period;
        CourseFilter filter;
        SchoolScope scope;
        try
        {
            measure = ParseMeasure(Single("measure"));
            var groupBy = Single("groupBy");
            by = groupBy is null && measure == UptakeMeasure.Evaluations ? null : Parse<Breakdown>("groupBy", groupBy);
            period = UptakePeriod.For(Single("academicYear"), clock, ParseQuarter(Single("quarter")));
            scope = Single("scope") is { } s ? Parse<SchoolScope>("scope", s) : SchoolScope.ALL;
            filter = CourseFilter.For(
                Single("strand") is { } strand ? Parse<Strand>("strand", strand) : null,
                Single("courseId"),
                Single("needType") is { } need ? Parse<NeedType>("needType", need) : null,
                ParseFlag("coreOfferOnly", Single("coreOfferOnly")));
        }
        catch (UptakeArgumentException e)
        {
            return TypedResults.BadRequest(new { message = e.Message });
        }
        var viewer = context.GetViewer();
        if (viewer is null || await audience.ReachAsync(viewer, cancellationToken) is not { } reach)
        {
            return TypedResults.Forbid();
        }
        if (!reach.Allows(by ?? Breakdown.COUNTY))
        {
            return TypedResults.Json(new { message = $"Network leads and ILEs read their district's figures: group by DISTRICT or COUNTY, not {by}." },
                statusCode: StatusCodes.Status403Forbidden);
        }
        var table = await reports.TableAsync(measure, by, period, filter, scope, g => reach.Shows(by ?? Breakdown.COUNTY, g), cancellationToken);
        context.Response.Headers.CacheControl = "private, no-store";
        // Quoted always, as RFC 6266 shows it; the name is letters, digits, hyphens, underscores and a dot only.
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{UptakeCsv.FileName(measure, by ?? Breakdown.COUNTY, period, scope)}\"";
        return TypedResults.Text(UptakeCsv.Write(table), UptakeCsv.MediaType + "; charset=utf-8; header=present", UptakeCsv.Encoding);
    }

    private static UptakeMeasure ParseMeasure(string? text)
    {
        var index = Array.IndexOf(MeasureNames, text);
        return index >= 0
            ? Enum.GetValues<UptakeMeasure>()[index]
            : throw new UptakeArgumentException($"measure must be one of {string.Join(", ", MeasureNames)}.");
    }

    private static T Parse<T>(string name, string? text) where T : struct, Enum =>
        text is not null && Enum.GetNames<T>().Contains(text, StringComparer.Ordinal)
            ? Enum.Parse<T>(text)
            : throw new UptakeArgumentException($"{name} must be one of {string.Join(", ", Enum.GetNames<T>())}.");

    private static int? ParseQuarter(string? text) =>
        text is null ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var quarter) && quarter is >= 1 and <= UptakePeriod.Quarters ? quarter
        : throw new UptakeArgumentException("quarter must be 1, 2, 3 or 4.");

    private static bool ParseFlag(string name, string? text) => text switch
    {
        null or "false" => false,
        "true" => true,
        _ => throw new UptakeArgumentException($"{name} must be true or false."),
    };
}
