using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Courses;
using InclusionNetwork.Grains.Uptake;
using InclusionNetwork.GraphQL.Common;
using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Uptake;

/// <summary>
/// Uptake and impact measures. Each field runs one set-based query; none names a person.
/// <c>uptake</c> is non-null in the contract, so a caller who may not read it gets a field
/// error (UNAUTHENTICATED or FORBIDDEN) that nulls the whole <c>data</c>, rather than an empty
/// answer that could be mistaken for zero uptake. Who reads which figures is
/// <see cref="UptakeAudience"/>'s rule: decided once per request, when <c>uptake</c> resolves,
/// and carried to every measure in the <see cref="UptakeRoot"/>.
/// </summary>
public sealed class UptakeModule : ISchemaModule
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";

    public void Configure(SchemaBuilder schema) => schema
        .AddSdl(Sdl.Read("Uptake/uptake.graphql"))
        .BindEnum<Breakdown>()
        .BindEnum<SchoolScope>()
        .Resolve("Query", "uptake", AuthorizeAsync)
        .Resolve("Uptake", "peerReview", async ctx =>
        {
            var (reach, by) = Reach(ctx);
            return reach.Filter(by, await ctx.Service<PeerReviewUptakeQuery>().RunAsync(by, Period(ctx), Scope(ctx), ctx.CancellationToken), r => r.Group);
        })
        .Resolve("Uptake", "leadership", async ctx =>
        {
            var (reach, by) = Reach(ctx);
            return reach.Filter(by, await ctx.Service<LeadershipUptakeQuery>().RunAsync(by, Period(ctx), Scope(ctx), ctx.CancellationToken), r => r.Group);
        })
        .Resolve("Uptake", "training", async ctx =>
        {
            var (reach, by) = Reach(ctx);
            return reach.Filter(by, await ctx.Service<TrainingUptakeQuery>().RunAsync(by, Period(ctx), Filter(ctx), Scope(ctx), ctx.CancellationToken), r => r.Group);
        })
        .Resolve("Uptake", "evaluations", async ctx =>
            await ctx.Service<EvaluationSummaryQuery>().RunAsync(Period(ctx), Filter(ctx), ctx.CancellationToken))
        .Resolve("Uptake", "evaluationsBy", async ctx =>
        {
            // Suppression is worked out over every group before a district reader's rows are
            // picked, so showing fewer rows can never reveal more.
            var (reach, by) = Reach(ctx);
            return reach.Filter(by, await ctx.Service<EvaluationSummaryQuery>().ByAsync(by, Period(ctx), Filter(ctx), Scope(ctx), ctx.CancellationToken), g => g.Group);
        });

    private static async ValueTask<object?> AuthorizeAsync(IResolverContext ctx)
    {
        var viewer = ctx.Viewer() ?? throw new GraphQLException("Sign in as a commissioner or an admin to read uptake figures.", Unauthenticated);
        var reach = await ctx.Service<UptakeAudience>().ReachAsync(viewer, ctx.CancellationToken)
            ?? throw new GraphQLException("Only commissioners and admins may read uptake figures.", Forbidden);
        return new UptakeRoot(reach);
    }

    /// <summary>The viewer's reach and the breakdown asked for, refused when it would show schools beyond that reach.</summary>
    private static (UptakeReach Reach, Breakdown By) Reach(IResolverContext ctx)
    {
        var reach = ctx.Source<UptakeRoot>().Reach;
        var by = ctx.Argument<Breakdown?>("groupBy") ?? Breakdown.COUNTY;
        if (!reach.Allows(by))
        {
            throw new GraphQLException($"Network leads and ILEs read their district's figures: group by DISTRICT or COUNTY, not {by}.", Forbidden);
        }
        return (reach, by);
    }

    private static SchoolScope Scope(IResolverContext ctx) => ctx.Argument<SchoolScope?>("scope") ?? SchoolScope.ALL;

    private static UptakePeriod Period(IResolverContext ctx)
    {
        try
        {
            return UptakePeriod.For(ctx.Argument<string>("academicYear"), ctx.Service<DomainClock>(), ctx.Argument<int?>("quarter"));
        }
        catch (UptakeArgumentException e)
        {
            throw new QueryArgumentException(e.Message);
        }
    }

    private static CourseFilter Filter(IResolverContext ctx)
    {
        try
        {
            return CourseFilter.For(ctx.Argument<Strand?>("strand"), ctx.Argument<string>("courseId"),
                ctx.Argument<NeedType?>("needType"), ctx.Argument<bool?>("coreOfferOnly") ?? false);
        }
        catch (UptakeArgumentException e)
        {
            throw new QueryArgumentException(e.Message);
        }
    }

    private sealed record UptakeRoot(UptakeReach Reach);
}
