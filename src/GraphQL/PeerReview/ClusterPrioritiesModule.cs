using InclusionNetwork.Grains.PeerReview;
using InclusionNetwork.GraphQL.Common;
using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.PeerReview;

/// <summary>
/// <c>PeerReviewCluster.priorities</c>: the focus areas its schools chose, for the
/// cluster's leader and admins. Member schools see the cluster but not this roll-up of
/// the others' self-evaluations: they get an empty list, as with the contract's other
/// restricted lists. Loaded for every cluster of a response at once.
/// </summary>
public sealed class ClusterPrioritiesModule : ISchemaModule
{
    private static readonly IReadOnlyList<ClusterPriority> None = [];

    public void Configure(SchemaBuilder schema) => schema
        .AddSdl(Sdl.Read("PeerReview/cluster-priorities.graphql"))
        .Resolve("PeerReviewCluster", "priorities", async ctx =>
        {
            var cluster = ctx.Source<Cluster>();
            if (!PeerReviewAccess.MayManage(ctx.Viewer(), cluster))
            {
                return None;
            }
            return await ctx.GroupedDataLoader<long, ClusterPriority>("clusterPriorities.byCluster",
                    async (ids, ct) => await ctx.Service<ClusterPrioritiesQuery>().RunAsync(ids, ct))
                .LoadAsync(cluster.Id) ?? None;
        });
}
