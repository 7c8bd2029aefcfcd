using InclusionNetwork.Grains.Common;
using System.Globalization;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Leaders;
using InclusionNetwork.Grains.Networks;
using InclusionNetwork.Grains.PeerReview;
using InclusionNetwork.Grains.Schools;
using InclusionNetwork.Grains.TermDates;
using InclusionNetwork.GraphQL.Common;
using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Types;
using InclusionNetwork.GraphQL.Networks;

namespace InclusionNetwork.GraphQL.PeerReview;

/// <summary>
/// ILEs, clusters, cycles, visits, reports and actions. What a viewer sees follows
/// <see cref="PeerReviewAccess"/>: things they may not see are left out (or null), never
/// reported as errors, so their existence is not revealed.
/// </summary>
public sealed class PeerReviewModule : ISchemaModule
{
    public void Configure(SchemaBuilder schema)
    {
        schema
            .AddSdl(Sdl.Read("PeerReview/peer-review.graphql"))
            .BindEnum<VisitStatus>()
            .BindEnum<ActionStatus>()
            .Resolve("Query", "inclusionLeaders", async ctx => SeesNames(ctx.Viewer())
                ? await ctx.Service<LeaderQueries>().AllAsync(ctx.CancellationToken)
                : Array.Empty<InclusionLeader>())
            .Resolve("Query", "cluster", async ctx => InputReader.ParseId(ctx.RequiredArgument<string>("id")) is { } id
                && await PeerReviewLoaders.ClusterAsync(ctx, id) is { } cluster && PeerReviewAccess.MaySee(ctx.Viewer(), cluster) ? cluster : null)
            .Resolve("Query", "clusters", ClustersAsync)
            .Resolve("Viewer", "leader", async ctx => ctx.Source<Viewer>().LeaderId is { } id ? await PeerReviewLoaders.LeaderAsync(ctx, id) : null)
            .Resolve("School", "peerReviewCluster", SchoolClusterAsync)
            .Resolve("School", "reviewVisits", SchoolVisitsAsync)
            .Resolve("School", "peerReviewReleaseDays", ReleaseDaysAsync)
            .Resolve("InclusionLeader", "id", ctx => Id(ctx.Source<InclusionLeader>().Id))
            .Resolve("InclusionLeader", "school", async ctx => ctx.Source<InclusionLeader>().SchoolUrn is { } urn ? await PeerReviewLoaders.SchoolAsync(ctx, urn) : null)
            .Resolve("InclusionLeader", "clusters", LeaderClustersAsync)
            .Resolve("InclusionLeader", "unavailableDates", UnavailableDatesAsync)
            .Resolve("InclusionLeader", "visits", LeaderVisitsAsync)
            .Resolve("PeerReviewCluster", "id", ctx => Id(ctx.Source<Cluster>().Id))
            .Resolve("PeerReviewCluster", "leader", async ctx => ctx.Source<Cluster>().LeaderId is { } id ? await PeerReviewLoaders.LeaderAsync(ctx, id) : null)
            .Resolve("PeerReviewCluster", "members", async ctx => await PeerReviewLoaders.SchoolsAsync(ctx, ctx.Source<Cluster>().MemberUrns))
            .Resolve("PeerReviewCluster", "cycle", async ctx => await PeerReviewLoaders.CycleAsync(ctx, ctx.Source<Cluster>().CycleId))
            .Resolve("PeerReviewCluster", "meetings", async ctx =>
            {
                var networks = await ctx.Service<NetworkQueries>().NetworksOfClustersAsync([ctx.Source<Cluster>().Id], ctx.CancellationToken);
                var meetings = new List<Meeting>();
                foreach (var networkId in networks[ctx.Source<Cluster>().Id])
                {
                    meetings.AddRange(await NetworksModule.MeetingsAsync(ctx, networkId));
                }
                return meetings.OrderBy(m => m.StartsAt).ToList();
            })
            .Resolve("ReviewCycle", "id", ctx => Id(ctx.Source<ReviewCycle>().Id))
            .Resolve("ReviewCycle", "cluster", async ctx => await PeerReviewLoaders.ClusterAsync(ctx, ctx.Source<ReviewCycle>().ClusterId))
            .Resolve("ReviewCycle", "visits", async ctx =>
            {
                var cycle = ctx.Source<ReviewCycle>();
                var cluster = await PeerReviewLoaders.ClusterAsync(ctx, cycle.ClusterId);
                return (await PeerReviewLoaders.VisitsOfCycleAsync(ctx, cycle.Id)).Where(v => cluster is not null && PeerReviewAccess.MaySee(ctx.Viewer(), cluster, v)).ToList();
            })
            .Resolve("ReviewCycle", "complete", async ctx =>
            {
                var cycle = ctx.Source<ReviewCycle>();
                var cluster = await PeerReviewLoaders.ClusterAsync(ctx, cycle.ClusterId);
                var held = (await PeerReviewLoaders.VisitsOfCycleAsync(ctx, cycle.Id))
                    .Where(v => v.Status is VisitStatus.COMPLETED or VisitStatus.REPORTED or VisitStatus.FOLLOWED_UP).Select(v => v.HostUrn).ToHashSet();
                return cluster is not null && cluster.MemberUrns.Count > 0 && cluster.MemberUrns.All(held.Contains);
            })
            .Resolve("ReviewCycle", "reviewingSpread", async ctx =>
            {
                var cycle = ctx.Source<ReviewCycle>();
                var cluster = await PeerReviewLoaders.ClusterAsync(ctx, cycle.ClusterId);
                var sends = (cluster?.MemberUrns ?? []).ToDictionary(m => m, _ => 0);
                foreach (var visit in (await PeerReviewLoaders.VisitsOfCycleAsync(ctx, cycle.Id)).Where(v => v.Status != VisitStatus.CANCELLED))
                {
                    foreach (var school in visit.ReviewerSchoolUrns.Distinct().Where(sends.ContainsKey))
                    {
                        sends[school]++;
                    }
                }
                return sends.Count == 0 ? 0 : sends.Values.Max() - sends.Values.Min();
            })
            .Resolve("ReviewVisit", "id", ctx => Id(ctx.Source<ReviewVisit>().Id))
            .Resolve("ReviewVisit", "cycle", async ctx => await PeerReviewLoaders.CycleAsync(ctx, ctx.Source<ReviewVisit>().CycleId))
            .Resolve("ReviewVisit", "host", async ctx => await PeerReviewLoaders.SchoolAsync(ctx, ctx.Source<ReviewVisit>().HostUrn))
            .Resolve("ReviewVisit", "reviewers", ReviewersAsync)
            .Resolve("ReviewVisit", "report", async ctx =>
            {
                var visit = ctx.Source<ReviewVisit>();
                var cluster = await PeerReviewLoaders.ClusterAsync(ctx, visit.ClusterId);
                return cluster is not null && PeerReviewAccess.MaySeeReport(ctx.Viewer(), cluster, visit) ? await PeerReviewLoaders.ReportAsync(ctx, visit.Id) : null;
            })
            .Resolve("ReviewReport", "actions", async ctx => await PeerReviewLoaders.ActionsAsync(ctx, ctx.Source<ReviewReport>().VisitId))
            .Resolve("ReviewAction", "id", ctx => Id(ctx.Source<ReviewAction>().Id));
        PeerReviewMutations.Configure(schema);
    }

    /// <summary>Commissioners and anonymous callers see no names in peer review.</summary>
    internal static bool SeesNames(Viewer? viewer) => viewer is not null && viewer.Roles.Any(r => r != Role.COMMISSIONER);

    internal static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The year an argument names, the current one when omitted.</summary>
    internal static string YearArgument(IResolverContext ctx)
    {
        var text = ctx.Argument<string>("academicYear");
        if (text is null)
        {
            return AcademicYear.Containing(LondonTime.Today(ctx.Service<DomainClock>())).ToString();
        }
        return AcademicYear.TryParse(text, out var year) ? year.Value.ToString() : throw new QueryArgumentException("\"academicYear\" must be written like 2026/27.");
    }

    private static async ValueTask<object?> ClustersAsync(IResolverContext ctx)
    {
        var year = ctx.Argument<string>("academicYear");
        if (year is not null && !AcademicYear.TryParse(year, out _))
        {
            throw new QueryArgumentException("\"academicYear\" must be written like 2026/27.");
        }
        var viewer = ctx.Viewer();
        var clusters = await ctx.Service<PeerReviewQueries>().SearchClustersAsync(ctx.Argument<string>("district"), year, ctx.CancellationToken);
        return clusters.Where(c => PeerReviewAccess.MaySee(viewer, c)).ToList();
    }

    private static async ValueTask<object?> SchoolClusterAsync(IResolverContext ctx)
    {
        var school = ctx.Source<School>();
        var year = YearArgument(ctx);
        var cluster = await ctx.DataLoader<string, Cluster>($"peerReview.clusterBySchool.{year}",
            async (urns, ct) => await ctx.Service<PeerReviewQueries>().ClustersOfSchoolsAsync(urns, year, ct)).LoadAsync(school.Urn);
        return cluster is not null && PeerReviewAccess.MaySee(ctx.Viewer(), cluster) ? cluster : null;
    }

    private static async ValueTask<object?> SchoolVisitsAsync(IResolverContext ctx)
    {
        var year = ctx.Argument<string>("academicYear") is null ? null : YearArgument(ctx);
        var visits = await ctx.Service<PeerReviewQueries>().VisitsHostedByAsync(ctx.Source<School>().Urn, year, ctx.CancellationToken);
        return await VisibleAsync(ctx, visits);
    }

    private static async ValueTask<object?> ReleaseDaysAsync(IResolverContext ctx)
    {
        var school = ctx.Source<School>();
        var viewer = ctx.Viewer();
        if (viewer is null || !(viewer.ActsFor(school.Urn) || viewer.Has(Role.LEADER) || viewer.Has(Role.COMMISSIONER)))
        {
            return 0.0;
        }
        return await ctx.Service<PeerReviewQueries>().ReleaseDaysAsync(school.Urn, YearArgument(ctx), ctx.CancellationToken);
    }

    private static async ValueTask<object?> LeaderClustersAsync(IResolverContext ctx)
    {
        var year = ctx.Argument<string>("academicYear") is null ? null : YearArgument(ctx);
        var clusters = await ctx.Service<PeerReviewQueries>().ClustersLedByAsync(ctx.Source<InclusionLeader>().Id, year, ctx.CancellationToken);
        return clusters.Where(c => PeerReviewAccess.MaySee(ctx.Viewer(), c)).ToList();
    }

    /// <summary>A leader's diary is theirs and the admins' alone: everyone else gets no dates.</summary>
    private static async ValueTask<object?> UnavailableDatesAsync(IResolverContext ctx)
    {
        var leader = ctx.Source<InclusionLeader>();
        if (ctx.Viewer() is not { } viewer || !(viewer.IsAdmin || viewer.LeaderId == leader.Id))
        {
            return Array.Empty<DateOnly>();
        }
        return await ctx.Service<LeaderQueries>().UnavailableDatesAsync(leader.Id, ctx.Argument<DateOnly?>("from"), ctx.Argument<DateOnly?>("to"), ctx.CancellationToken);
    }

    /// <summary>
    /// Reviewers are named to whoever may see the visit (the host school and the cluster's
    /// schools, its ILE, admins); their email addresses only to the cluster's ILE and admins,
    /// besides the reviewer's own school, which has them on its staff list anyway.
    /// </summary>
    private static async ValueTask<object?> ReviewersAsync(IResolverContext ctx)
    {
        var visit = ctx.Source<ReviewVisit>();
        var reviewers = (await Task.WhenAll(visit.ReviewerStaffIds.Select(id => PeerReviewLoaders.StaffAsync(ctx, id)))).OfType<StaffMember>().ToList();
        var viewer = ctx.Viewer();
        var cluster = await PeerReviewLoaders.ClusterAsync(ctx, visit.ClusterId);
        var seesEmails = cluster is not null && PeerReviewAccess.MayManage(viewer, cluster);
        return reviewers.Select(r => seesEmails || (viewer is not null && viewer.ActsFor(r.SchoolUrn)) ? r : r with { Email = null }).ToList();
    }

    private static async ValueTask<object?> LeaderVisitsAsync(IResolverContext ctx)
    {
        var visits = await ctx.Service<PeerReviewQueries>().VisitsOfLeaderAsync(
            ctx.Source<InclusionLeader>().Id, ctx.Argument<DateOnly?>("from"), ctx.Argument<DateOnly?>("to"), ctx.CancellationToken);
        return await VisibleAsync(ctx, visits);
    }

    private static async Task<IReadOnlyList<ReviewVisit>> VisibleAsync(IResolverContext ctx, IReadOnlyList<ReviewVisit> visits)
    {
        var viewer = ctx.Viewer();
        var visible = new List<ReviewVisit>();
        foreach (var visit in visits)
        {
            if (await PeerReviewLoaders.ClusterAsync(ctx, visit.ClusterId) is { } cluster && PeerReviewAccess.MaySee(viewer, cluster, visit))
            {
                visible.Add(visit);
            }
        }
        return visible;
    }
}
