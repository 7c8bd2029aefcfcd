using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Courses;
using InclusionNetwork.Grains.Uptake;
using InclusionNetwork.GraphQL.Common;
using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Uptake;

/// <summary>
/// Uptake and impact measures for commissioners. Each field runs one set-based query; none
/// names a person. <c>uptake</c> is non-null in the contract, so a caller who may not read it
/// gets a field error (UNAUTHENTICATED or FORBIDDEN) that nulls the whole <c>data</c>, rather
/// than an empty answer that could be mistaken for zero uptake.
/// </summary>
public sealed class UptakeModule : ISchemaModule
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";

    public void Configure(SchemaBuilder schema) => schema
        .AddSdl(Sdl.Read("Uptake/uptake.graphql"))
        .BindEnum<Breakdown>()
        .Resolve("Query", "uptake", Authorize)
        .Resolve("Uptake", "peerReview", async ctx =>
            await ctx.Service<PeerReviewUptakeQuery>().RunAsync(GroupBy(ctx), Period(ctx), ctx.CancellationToken))
        .Resolve("Uptake", "leadership", async ctx =>
            await ctx.Service<LeadershipUptakeQuery>().RunAsync(GroupBy(ctx), Period(ctx), ctx.CancellationToken))
        .Resolve("Uptake", "training", async ctx =>
            await ctx.Service<TrainingUptakeQuery>().RunAsync(GroupBy(ctx), Period(ctx), Filter(ctx), ctx.CancellationToken))
        .Resolve("Uptake", "evaluations", async ctx =>
            await ctx.Service<EvaluationSummaryQuery>().RunAsync(Period(ctx), Filter(ctx), ctx.CancellationToken));

    /// <summary>The <c>Uptake</c> object itself carries nothing: its fields are the measures.</summary>
    private static object? Authorize(IResolverContext ctx)
    {
        var viewer = ctx.Viewer() ?? throw new GraphQLException("Sign in as a commissioner or an admin to read uptake figures.", Unauthenticated);
        if (!viewer.Has(Role.COMMISSIONER) && !viewer.IsAdmin)
        {
            throw new GraphQLException("Only commissioners and admins may read uptake figures.", Forbidden);
        }
        return UptakeRoot.Instance;
    }

    private static Breakdown GroupBy(IResolverContext ctx) => ctx.Argument<Breakdown?>("groupBy") ?? Breakdown.COUNTY;

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

    private static CourseFilter Filter(IResolverContext ctx)
    {
        try
        {
            return CourseFilter.For(ctx.Argument<Strand?>("strand"), ctx.Argument<string>("courseId"));
        }
        catch (UptakeArgumentException e)
        {
            throw new QueryArgumentException(e.Message);
        }
    }

    private sealed class UptakeRoot
    {
        public static readonly UptakeRoot Instance = new();
    }
}
