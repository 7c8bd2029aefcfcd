using System.Globalization;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.PeerReview;
using InclusionNetwork.GraphQL.Common;
using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Types;
using Orleans;

namespace InclusionNetwork.GraphQL.PeerReview;

/// <summary>
/// The peer-review mutations: each reads its input, turns malformed ids into NOT_FOUND, and
/// calls exactly one grain, whose rule errors become the payload's user errors.
/// </summary>
public static class PeerReviewMutations
{
    public static void Configure(SchemaBuilder schema) => schema
        .Resolve("Mutation", "createCluster", CreateClusterAsync)
        .Resolve("Mutation", "updateCluster", UpdateClusterAsync)
        .Resolve("Mutation", "planReviewCycle", PlanReviewCycleAsync)
        .Resolve("Mutation", "scheduleVisit", ctx => VisitCommandAsync(ctx, (grain, viewer, input) => grain.ScheduleAsync(viewer,
            input.Date("date")!.Value,
            input.List<string>("reviewerStaffIds")!.Select(id => InputReader.ParseId(id) ?? 0).ToList(),
            input.List<FrameworkArea>("focusAreas"))))
        .Resolve("Mutation", "submitSelfEvaluation", ctx => VisitCommandAsync(ctx, (grain, viewer, input) =>
            grain.SubmitSelfEvaluationAsync(viewer, input.String("summary") ?? "", input.List<FrameworkArea>("focusAreas") ?? [])))
        .Resolve("Mutation", "completeVisit", ctx => VisitCommandAsync(ctx, (grain, viewer, _) => grain.CompleteAsync(viewer)))
        .Resolve("Mutation", "cancelVisit", ctx => VisitCommandAsync(ctx, (grain, viewer, _) => grain.CancelAsync(viewer)))
        .Resolve("Mutation", "submitReviewReport", ctx => VisitCommandAsync(ctx, (grain, viewer, input) => grain.SubmitReportAsync(viewer,
            input.String("strengths") ?? "",
            input.String("areasForDevelopment") ?? "",
            (input.List<IReadOnlyDictionary<string, object?>>("actions") ?? [])
                .Select(a => new InputReader(a)).Select(a => new NewReviewAction(a.String("description") ?? "", a.Date("dueDate"))).ToList())))
        .Resolve("Mutation", "submitImpactReview", ctx => VisitCommandAsync(ctx, (grain, viewer, input) => grain.SubmitImpactReviewAsync(viewer, input.String("summary") ?? "")))
        .Resolve("Mutation", "updateReviewAction", UpdateReviewActionAsync);

    private static async ValueTask<object?> CreateClusterAsync(IResolverContext ctx)
    {
        var input = InputReader.OfInput(ctx);
        if (ctx.Viewer() is not { } viewer)
        {
            return ClusterPayload(null, [DomainError.NotAllowed("Sign in to create a cluster.")]);
        }
        var year = input.String("academicYear") ?? "";
        if (!Grains.TermDates.AcademicYear.TryParse(year, out _))
        {
            return ClusterPayload(null, [DomainError.Invalid("Write the academic year like 2026/27.", "input", "academicYear")]);
        }
        long? leaderId = null;
        if (input.String("leaderId") is { } leaderText)
        {
            if (InputReader.ParseId(leaderText) is not { } parsed)
            {
                return ClusterPayload(null, [DomainError.NotFound("No inclusion leader has that id.", "input", "leaderId")]);
            }
            leaderId = parsed;
        }
        var result = await ctx.Service<IGrainFactory>().GetGrain<IClusterDirectoryGrain>(year)
            .CreateClusterAsync(viewer, input.String("name") ?? "", leaderId, input.List<string>("memberUrns") ?? []);
        return ClusterPayload(result.Value, result.Errors);
    }

    private static async ValueTask<object?> UpdateClusterAsync(IResolverContext ctx)
    {
        var input = InputReader.OfInput(ctx);
        if (ctx.Viewer() is not { } viewer)
        {
            return ClusterPayload(null, [DomainError.NotAllowed("Sign in to change a cluster.")]);
        }
        if (InputReader.ParseId(input.String("clusterId")) is not { } clusterId)
        {
            return ClusterPayload(null, [DomainError.NotFound("No cluster has that id.", "input", "clusterId")]);
        }
        long? leaderId = null;
        if (input.String("leaderId") is { } leaderText)
        {
            if (InputReader.ParseId(leaderText) is not { } parsed)
            {
                return ClusterPayload(null, [DomainError.NotFound("No inclusion leader has that id.", "input", "leaderId")]);
            }
            leaderId = parsed;
        }
        var change = new ClusterChange(input.Has("name") ? input.String("name") ?? "" : null, input.Has("leaderId"), leaderId, input.List<string>("memberUrns"));
        var result = await ctx.Service<IGrainFactory>().GetGrain<IClusterGrain>(clusterId).UpdateAsync(viewer, change);
        return ClusterPayload(result.Value, result.Errors);
    }

    private static async ValueTask<object?> PlanReviewCycleAsync(IResolverContext ctx)
    {
        var input = InputReader.OfInput(ctx);
        if (ctx.Viewer() is not { } viewer)
        {
            return new { cycle = (ReviewCycle?)null, errors = new[] { DomainError.NotAllowed("Sign in to plan a cycle.") } };
        }
        if (InputReader.ParseId(input.String("clusterId")) is not { } clusterId)
        {
            return new { cycle = (ReviewCycle?)null, errors = new[] { DomainError.NotFound("No cluster has that id.", "input", "clusterId") } };
        }
        var result = await ctx.Service<IGrainFactory>().GetGrain<IReviewCycleGrain>(clusterId)
            .PlanAsync(viewer, input.String("academicYear") ?? "", input.List<DateOnly>("avoidDates") ?? []);
        return new { cycle = result.Value, errors = result.Errors };
    }

    private static async ValueTask<object?> UpdateReviewActionAsync(IResolverContext ctx)
    {
        var input = InputReader.OfInput(ctx);
        var notFound = DomainError.NotFound("No action has that id.", "input", "actionId");
        if (ctx.Viewer() is not { } viewer)
        {
            return new { action = (ReviewAction?)null, errors = new[] { DomainError.NotAllowed("Sign in to update an action.") } };
        }
        if (InputReader.ParseId(input.String("actionId")) is not { } actionId
            || await ctx.Service<PeerReviewQueries>().ActionAsync(actionId, ctx.CancellationToken) is not { } action)
        {
            return new { action = (ReviewAction?)null, errors = new[] { notFound } };
        }
        var result = await ctx.Service<IGrainFactory>().GetGrain<IReviewVisitGrain>(action.VisitId)
            .UpdateActionAsync(viewer, actionId, input.Enum<ActionStatus>("status")!.Value);
        // A visit the viewer may not see hides its actions too.
        var errors = result.Errors.Select(e => e.Code == Grains.Common.ErrorCodes.NotFound ? notFound : e).ToList();
        return new { action = result.Value, errors };
    }

    private static async ValueTask<object?> VisitCommandAsync(IResolverContext ctx,
        Func<IReviewVisitGrain, Grains.Accounts.Viewer, InputReader, Task<CommandResult<ReviewVisit>>> command)
    {
        var input = InputReader.OfInput(ctx);
        if (ctx.Viewer() is not { } viewer)
        {
            return VisitPayload(null, [DomainError.NotAllowed("Sign in first.")]);
        }
        if (InputReader.ParseId(input.String("visitId")) is not { } visitId)
        {
            return VisitPayload(null, [DomainError.NotFound("No visit has that id.", "input", "visitId")]);
        }
        if (input.List<string>("reviewerStaffIds") is { } staffIds)
        {
            for (var i = 0; i < staffIds.Count; i++)
            {
                if (InputReader.ParseId(staffIds[i]) is null)
                {
                    return VisitPayload(null, [new DomainError(PeerReviewErrorCodes.ReviewerNotEligible, "That is not a member of staff's id.",
                        ["input", "reviewerStaffIds", i.ToString(CultureInfo.InvariantCulture)])]);
                }
            }
        }
        var result = await command(ctx.Service<IGrainFactory>().GetGrain<IReviewVisitGrain>(visitId), viewer, input);
        return VisitPayload(result.Value, result.Errors);
    }

    private static object ClusterPayload(Cluster? cluster, IReadOnlyList<DomainError> errors) => new { cluster, errors };

    private static object VisitPayload(ReviewVisit? visit, IReadOnlyList<DomainError> errors) => new { visit, errors };
}
