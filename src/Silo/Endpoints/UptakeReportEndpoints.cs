using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Courses;
using InclusionNetwork.Grains.Uptake;

namespace InclusionNetwork.Silo.Endpoints;

/// <summary>
/// <c>GET /reports/uptake.csv?measure=&amp;groupBy=&amp;academicYear=</c> (optionally <c>strand</c>
/// and <c>courseId</c> for training and evaluations): the rows the GraphQL <c>uptake</c> field
/// gives, as an RFC 4180 CSV download, for commissioners and admins (bearer token or session
/// cookie). Anonymous callers get 401, other roles 403, a bad parameter 400 naming it.
/// Evaluations are a county figure: <c>groupBy</c> may be left out for them, and is ignored.
/// </summary>
public static class UptakeReportEndpoints
{
    private static readonly string[] MeasureNames = [.. Enum.GetValues<UptakeMeasure>().Select(UptakeCsv.MeasureName)];

    public static IEndpointRouteBuilder MapUptakeReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/uptake.csv", ReportAsync)
            .RequireAuthorization(policy => policy.RequireRole(nameof(Role.COMMISSIONER), nameof(Role.ADMIN)));
        return app;
    }

    private static async Task<IResult> ReportAsync(HttpContext context, UptakeReports reports, DomainClock clock, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        string? Single(string name) => query[name].Count > 1 ? throw new UptakeArgumentException($"Give {name} once.") : query[name].FirstOrDefault();
        UptakeMeasure measure;
        Breakdown by;
        UptakePeriod period;
        CourseFilter filter;
        try
        {
            measure = ParseMeasure(Single("measure"));
            var groupBy = Single("groupBy");
            // Still checked for evaluations, so a mistyped link is told so rather than silently served.
            by = groupBy is null && measure == UptakeMeasure.Evaluations ? Breakdown.COUNTY : ParseBreakdown(groupBy);
            if (measure == UptakeMeasure.Evaluations)
            {
                by = Breakdown.COUNTY;
            }
            period = UptakePeriod.For(Single("academicYear"), clock);
            filter = CourseFilter.For(ParseStrand(Single("strand")), Single("courseId"));
        }
        catch (UptakeArgumentException e)
        {
            return TypedResults.BadRequest(new { message = e.Message });
        }
        var table = await reports.TableAsync(measure, by, period, filter, cancellationToken);
        context.Response.Headers.CacheControl = "private, no-store";
        // Quoted always, as RFC 6266 shows it; the name is letters, digits, hyphens and a dot only.
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{UptakeCsv.FileName(measure, by, period)}\"";
        return TypedResults.Text(UptakeCsv.Write(table), UptakeCsv.MediaType + "; charset=utf-8; header=present", UptakeCsv.Encoding);
    }

    private static UptakeMeasure ParseMeasure(string? text)
    {
        var index = Array.IndexOf(MeasureNames, text);
        return index >= 0
            ? Enum.GetValues<UptakeMeasure>()[index]
            : throw new UptakeArgumentException($"measure must be one of {string.Join(", ", MeasureNames)}.");
    }

    private static Breakdown ParseBreakdown(string? text) =>
        text is not null && Enum.GetNames<Breakdown>().Contains(text, StringComparer.Ordinal)
            ? Enum.Parse<Breakdown>(text)
            : throw new UptakeArgumentException($"groupBy must be one of {string.Join(", ", Enum.GetNames<Breakdown>())}.");

    private static Strand? ParseStrand(string? text) =>
        text is null ? null
        : Enum.GetNames<Strand>().Contains(text, StringComparer.Ordinal) ? Enum.Parse<Strand>(text)
        : throw new UptakeArgumentException($"strand must be one of {string.Join(", ", Enum.GetNames<Strand>())}.");
}
