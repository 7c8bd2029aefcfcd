using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Courses;
using InclusionNetwork.Grains.PeerReview;
using InclusionNetwork.Grains.Schools;
using InclusionNetwork.Grains.Uptake;
using InclusionNetwork.GraphQL.Common;
using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Places;

/// <summary>
/// A school's own figures (<c>School.uptake</c>) and its next step after a review
/// (<c>School.recommendedCourses</c>). Both are decided and loaded for every school of a
/// response at once: a commissioner listing a district's schools with their figures costs
/// a few statements, not a few per school. Someone who may not see them gets null (figures)
/// or an empty list (courses), as the contract's other restricted fields do.
/// </summary>
public sealed class SchoolFiguresModule : ISchemaModule
{
    public const int MaxRecommendedCourses = 20;

    private static readonly IReadOnlyList<Course> NoCourses = [];

    public void Configure(SchemaBuilder schema) => schema
        .AddSdl(Sdl.Read("Places/school-figures.graphql"))
        .Resolve("School", "uptake", UptakeAsync)
        .Resolve("School", "recommendedCourses", RecommendedCoursesAsync)
        .Resolve("SchoolUptake", "leadershipLevelsCompleted", ctx => ctx.Source<SchoolUptake>().LeadershipLevelsCompleted);

    /// <summary>Its users (bookers and staff), its cluster's leader, commissioners and admins.</summary>
    private static async ValueTask<object?> UptakeAsync(IResolverContext ctx)
    {
        var school = ctx.Source<School>();
        var period = Period(ctx);
        var viewer = ctx.Viewer();
        if (viewer is null)
        {
            return null;
        }
        if (!(viewer.ActsFor(school.Urn) || viewer.Has(Role.COMMISSIONER)))
        {
            // The leader of the school's cluster in the figures' year, or in a year peer review is open for now.
            var years = PeerReviewYears.Open(ctx.Service<DomainClock>()).Select(y => y.ToString()).Append(period.Year.ToString()).Distinct().ToArray();
            if (!await LedByViewerAsync(ctx, viewer, school.Urn, years))
            {
                return null;
            }
        }
        return await ctx.DataLoader<School, SchoolUptake>($"schoolFigures.uptake.{period.Year}",
                async (schools, ct) =>
                {
                    var figures = await ctx.Service<SchoolUptakeQuery>().RunAsync(schools, period, ct);
                    return schools.Distinct().ToDictionary(s => s, s => figures[s.Urn]);
                })
            .LoadAsync(school);
    }

    /// <summary>The school's own users (bookers and staff) and its cluster's leader: the ones who choose its training.</summary>
    private static async ValueTask<object?> RecommendedCoursesAsync(IResolverContext ctx)
    {
        var school = ctx.Source<School>();
        var first = ctx.Argument<int?>("first") ?? 5;
        if (first is < 1 or > MaxRecommendedCourses)
        {
            throw new QueryArgumentException($"\"first\" must be between 1 and {MaxRecommendedCourses}; it was {first}.");
        }
        var viewer = ctx.Viewer();
        if (viewer is null)
        {
            return NoCourses;
        }
        var ownUser = viewer.SchoolUrn == school.Urn && (viewer.Has(Role.SCHOOL_BOOKER) || viewer.Has(Role.STAFF));
        if (!ownUser)
        {
            var years = PeerReviewYears.Open(ctx.Service<DomainClock>()).Select(y => y.ToString()).ToArray();
            if (!await LedByViewerAsync(ctx, viewer, school.Urn, years))
            {
                return NoCourses;
            }
        }
        var now = ctx.Service<DomainClock>().GetUtcNow();
        return await ctx.GroupedDataLoader<string, Course>($"schoolFigures.recommended.{first}",
                async (urns, ct) => await ctx.Service<RecommendedCoursesQuery>().RunAsync(urns, first, now, ct))
            .LoadAsync(school.Urn) ?? NoCourses;
    }

    /// <summary>Whether the viewer leads a cluster of one of the years that has the school as a member; batched over the response's schools.</summary>
    private static async Task<bool> LedByViewerAsync(IResolverContext ctx, Viewer viewer, string urn, string[] years)
    {
        if (!viewer.Has(Role.LEADER) || viewer.LeaderId is not { } leaderId)
        {
            return false;
        }
        return await ctx.DataLoader<string, bool>($"schoolFigures.ledByViewer.{string.Join(',', years)}", async (urns, ct) =>
            {
                var led = await ctx.Service<PeerReviewQueries>().SchoolsInClustersLedByAsync(leaderId, urns, years, ct);
                return urns.Distinct(StringComparer.Ordinal).ToDictionary(u => u, led.Contains, StringComparer.Ordinal);
            })
            .LoadAsync(urn);
    }

    private static UptakePeriod Period(IResolverContext ctx)
    {
        try
        {
            return UptakePeriod.For(ctx.Argument<string>("academicYear"), ctx.Service<DomainClock>());
        }
        catch (UptakeArgumentException e)
        {
            throw new QueryArgumentException(e.Message);
        }
    }
}
