using InclusionNetwork.Grains.Leaders;
using InclusionNetwork.Grains.PeerReview;
using InclusionNetwork.Grains.Schools;
using InclusionNetwork.GraphQL.Engine.Execution;

namespace InclusionNetwork.GraphQL.PeerReview;

/// <summary>Per-request batched loads of the peer-review graph, so a list costs one statement per kind of thing.</summary>
public static class PeerReviewLoaders
{
    public static Task<Cluster?> ClusterAsync(IResolverContext ctx, long id) =>
        ctx.DataLoader<long, Cluster>("peerReview.clusterById",
            async (ids, ct) => await ctx.Service<PeerReviewQueries>().ClustersAsync(ids, ct)).LoadAsync(id);

    public static Task<ReviewCycle?> CycleAsync(IResolverContext ctx, long id) =>
        ctx.DataLoader<long, ReviewCycle>("peerReview.cycleById",
            async (ids, ct) => await ctx.Service<PeerReviewQueries>().CyclesAsync(ids, ct)).LoadAsync(id);

    public static async Task<IReadOnlyList<ReviewVisit>> VisitsOfCycleAsync(IResolverContext ctx, long cycleId) =>
        await ctx.GroupedDataLoader<long, ReviewVisit>("peerReview.visitsByCycle",
            async (ids, ct) => await ctx.Service<PeerReviewQueries>().VisitsOfCyclesAsync(ids, ct)).LoadAsync(cycleId) ?? [];

    public static Task<ReviewReport?> ReportAsync(IResolverContext ctx, long visitId) =>
        ctx.DataLoader<long, ReviewReport>("peerReview.reportByVisit",
            async (ids, ct) => await ctx.Service<PeerReviewQueries>().ReportsAsync(ids, ct)).LoadAsync(visitId);

    public static async Task<IReadOnlyList<ReviewAction>> ActionsAsync(IResolverContext ctx, long visitId) =>
        await ctx.GroupedDataLoader<long, ReviewAction>("peerReview.actionsByVisit",
            async (ids, ct) => await ctx.Service<PeerReviewQueries>().ActionsAsync(ids, ct)).LoadAsync(visitId) ?? [];

    public static Task<InclusionLeader?> LeaderAsync(IResolverContext ctx, long id) =>
        ctx.DataLoader<long, InclusionLeader>("peerReview.leaderById",
            async (ids, ct) => await ctx.Service<LeaderQueries>().FindManyAsync(ids, ct)).LoadAsync(id);

    public static Task<School?> SchoolAsync(IResolverContext ctx, string urn) =>
        ctx.DataLoader<string, School>("peerReview.schoolByUrn",
            async (urns, ct) => await ctx.Service<SchoolQueries>().FindManyAsync(urns, ct)).LoadAsync(urn);

    public static Task<StaffMember?> StaffAsync(IResolverContext ctx, long id) =>
        ctx.DataLoader<long, StaffMember>("peerReview.staffById",
            async (ids, ct) => await ctx.Service<SchoolQueries>().FindStaffAsync(ids, ct)).LoadAsync(id);

    public static async Task<IReadOnlyList<School>> SchoolsAsync(IResolverContext ctx, IEnumerable<string> urns) =>
        [.. (await Task.WhenAll(urns.Select(urn => SchoolAsync(ctx, urn)))).OfType<School>()];
}
