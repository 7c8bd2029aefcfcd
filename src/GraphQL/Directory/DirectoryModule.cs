using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Bookings;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Courses;
using InclusionNetwork.Grains.Places;
using InclusionNetwork.Grains.Schools;
using InclusionNetwork.GraphQL.Common;
using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Types;
using Orleans;

namespace InclusionNetwork.GraphQL.Directory;

/// <summary>The directory of support (public), courses and runs, and the mutations that publish and cancel them.</summary>
public sealed class DirectoryModule : ISchemaModule
{
    private const int MaxSearchLength = 200;

    public void Configure(SchemaBuilder schema) => schema
        .AddSdl(Sdl.Read("Directory/directory.graphql"))
        .BindEnum<Strand>()
        .BindEnum<Audience>()
        .BindEnum<PriorKnowledge>()
        .BindEnum<NeedType>()
        .BindEnum<DeliveryMode>()
        .BindEnum<LeadershipLevel>()
        .BindEnum<DirectoryOrder>()
        .BindEnum<RunStatus>()
        .Resolve("Query", "directory", DirectoryAsync)
        .Resolve("Query", "course", async ctx => InputReader.ParseId(ctx.RequiredArgument<string>("id")) is { } id
            ? await DirectoryLoaders.CourseAsync(ctx, id)
            : null)
        .Resolve("Query", "courseRun", async ctx => InputReader.ParseId(ctx.RequiredArgument<string>("id")) is { } id
            ? await DirectoryLoaders.RunAsync(ctx, id)
            : null)
        .Resolve("Course", "runs", async ctx =>
            await DirectoryLoaders.RunsOfCourseAsync(ctx, ctx.Source<Course>().Id, ctx.Argument<bool?>("includePast") ?? false))
        .Resolve("Course", "nextRun", async ctx =>
        {
            var now = ctx.Service<DomainClock>().GetUtcNow();
            return (await DirectoryLoaders.RunsOfCourseAsync(ctx, ctx.Source<Course>().Id, includePast: false))
                .FirstOrDefault(r => !r.Cancelled && r.StartsAt > now);
        })
        .Resolve("CourseRun", "course", async ctx => await DirectoryLoaders.CourseAsync(ctx, ctx.Source<CourseRun>().CourseId))
        .Resolve("CourseRun", "sessions", async ctx => await DirectoryLoaders.SessionsOfRunAsync(ctx, ctx.Source<CourseRun>().Id))
        .Resolve("CourseRun", "district", async ctx => ctx.Source<CourseRun>().DistrictId is { } district
            ? await ctx.Service<PlacesDirectory>().DistrictAsync(district, ctx.CancellationToken)
            : null)
        .Resolve("CourseRun", "waitlistLength", ctx => ctx.Source<CourseRun>().WaitlistedCount)
        .Resolve("CourseRun", "status", ctx => ctx.Source<CourseRun>().StatusAt(ctx.Service<DomainClock>().GetUtcNow()))
        .Resolve("CourseRun", "bookable", ctx =>
        {
            var run = ctx.Source<CourseRun>();
            return !run.Cancelled && ctx.Service<DomainClock>().GetUtcNow() < run.BookingClosesAt;
        })
        .Resolve("CourseSession", "run", async ctx => await DirectoryLoaders.RunAsync(ctx, ctx.Source<CourseSession>().RunId))
        .Resolve("Mutation", "saveCourse", SaveCourseAsync)
        .Resolve("Mutation", "scheduleRun", ScheduleRunAsync)
        .Resolve("Mutation", "cancelRun", CancelRunAsync)
        .Resolve("Mutation", "moveSession", MoveSessionAsync);

    private static async ValueTask<object?> DirectoryAsync(IResolverContext ctx)
    {
        var filter = await ReadFilterAsync(ctx, InputReader.OfArgument(ctx, "filter"));
        var order = ctx.Argument<DirectoryOrder?>("orderBy") ?? DirectoryOrder.SOONEST;
        var first = Paging.First(ctx.Argument<int?>("first"), 20);
        var after = Paging.After(ctx.Argument<string>("after"), 3);
        DirectoryPage page;
        try
        {
            page = await ctx.Service<CourseQueries>().SearchAsync(filter, order, first, after, ctx.Service<DomainClock>().GetUtcNow(), ctx.CancellationToken);
        }
        catch (FormatException)
        {
            throw new QueryArgumentException("\"after\" is a cursor of another ordering; page from the start again.");
        }
        var edges = page.Entries.Select(e => new { cursor = Cursor.Encode([.. e.SortKey]), node = e.Course }).ToList();
        return new
        {
            edges,
            nodes = page.Entries.Select(e => e.Course).ToList(),
            pageInfo = new
            {
                hasNextPage = page.HasNextPage,
                hasPreviousPage = after is not null,
                startCursor = edges.FirstOrDefault()?.cursor,
                endCursor = edges.LastOrDefault()?.cursor,
            },
            totalCount = page.TotalCount,
        };
    }

    private static async Task<DirectoryFilter> ReadFilterAsync(IResolverContext ctx, InputReader filter)
    {
        var search = filter.String("search");
        if (search is { Length: > MaxSearchLength })
        {
            throw new QueryArgumentException($"\"search\" is at most {MaxSearchLength} characters.");
        }
        var from = filter.Date("from");
        var to = filter.Date("to");
        if (from is not null && to is not null && to < from)
        {
            throw new QueryArgumentException("\"to\" must not be before \"from\".");
        }
        var district = filter.String("district");
        if (district is not null && await ctx.Service<PlacesDirectory>().DistrictAsync(district, ctx.CancellationToken) is null)
        {
            throw new QueryArgumentException($"No district has the id \"{district}\".");
        }
        return new DirectoryFilter(
            string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
            filter.Enum<Strand>("strand"),
            filter.List<Audience>("audiences"),
            filter.List<NeedType>("needTypes"),
            filter.List<FrameworkArea>("frameworkAreas"),
            filter.List<Phase>("phases"),
            filter.Enum<PriorKnowledge>("priorKnowledge"),
            filter.List<DeliveryMode>("deliveryModes"),
            filter.Boolean("coreOfferOnly") ?? false,
            filter.Boolean("withPlacesOnly") ?? false,
            from,
            to,
            district);
    }

    private static async ValueTask<object?> SaveCourseAsync(IResolverContext ctx)
    {
        var input = InputReader.OfInput(ctx);
        if (ctx.Viewer() is not { } viewer)
        {
            return CoursePayload(null, [DomainError.NotAllowed("Sign in to add or change courses.")]);
        }
        if (!viewer.IsAdmin && !viewer.Has(Role.PROVIDER))
        {
            // Refused before a course id is reserved; the grain judges whose course it is.
            return CoursePayload(null, [DomainError.NotAllowed("Only providers and admins may add or change courses.")]);
        }
        long? providerAccount = null;
        if (input.String("providerAccountId") is { } providerText)
        {
            providerAccount = InputReader.ParseId(providerText);
            if (providerAccount is null)
            {
                return CoursePayload(null, [DomainError.NotFound("No provider account has that id.", "input", "providerAccountId")]);
            }
        }
        var draft = new CourseDraft(
            input.String("title") ?? "",
            input.String("summary") ?? "",
            input.String("provider") ?? "",
            providerAccount,
            input.Enum<Strand>("strand")!.Value,
            input.Boolean("coreOffer") ?? false,
            input.List<Audience>("audiences") ?? [],
            input.String("expectedImpact") ?? "",
            input.Enum<PriorKnowledge>("priorKnowledge")!.Value,
            input.List<FrameworkArea>("frameworkAreas") ?? [],
            input.List<NeedType>("needTypes") ?? [],
            input.List<Phase>("phases") ?? [],
            input.Enum<DeliveryMode>("deliveryMode")!.Value,
            input.Int("pricePence") ?? 0,
            input.Float("fundedReleaseDays") ?? 0,
            input.Enum<LeadershipLevel>("leadershipLevel"));
        long id;
        var create = !input.Has("id") || input.String("id") is null;
        if (create)
        {
            id = await ctx.Service<CourseQueries>().ReserveIdAsync(ctx.CancellationToken);
        }
        else if (InputReader.ParseId(input.String("id")) is { } existing)
        {
            id = existing;
        }
        else
        {
            return CoursePayload(null, [DomainError.NotFound("No course has that id.", "input", "id")]);
        }
        if (!create && !input.Has("providerAccountId") && await DirectoryLoaders.CourseAsync(ctx, id) is { } current)
        {
            // A change that does not name the provider account keeps it, so a client that knows
            // nothing of it (the contract's SaveCourseInput has no such field) cannot take the
            // course from its provider.
            draft = draft with { ProviderAccountId = current.ProviderAccountId };
        }
        var result = await ctx.Service<IGrainFactory>().GetGrain<ICourseGrain>(id).SaveAsync(viewer, draft, create);
        return CoursePayload(result.Value, result.Errors);
    }

    private static async ValueTask<object?> ScheduleRunAsync(IResolverContext ctx)
    {
        var input = InputReader.OfInput(ctx);
        if (ctx.Viewer() is not { } viewer)
        {
            return RunPayload(null, [DomainError.NotAllowed("Sign in to publish runs.")]);
        }
        if (InputReader.ParseId(input.String("courseId")) is not { } courseId)
        {
            return RunPayload(null, [DomainError.NotFound("No course has that id.", "input", "courseId")]);
        }
        var sessions = (input.List<IReadOnlyDictionary<string, object?>>("sessions") ?? [])
            .Select(s => new InputReader(s))
            .Select(s => (s.DateTime("startsAt")!.Value, s.DateTime("endsAt")!.Value))
            .ToList();
        var schedule = new RunSchedule(
            sessions,
            input.String("venue"),
            input.String("districtId"),
            input.Int("capacity") ?? 0,
            input.Int("maxPlacesPerSchool"),
            input.DateTime("bookingClosesAt"));
        var result = await ctx.Service<IGrainFactory>().GetGrain<ICourseGrain>(courseId).ScheduleRunAsync(viewer, schedule);
        return RunPayload(result.Value, result.Errors);
    }

    private static async ValueTask<object?> CancelRunAsync(IResolverContext ctx)
    {
        var input = InputReader.OfInput(ctx);
        if (ctx.Viewer() is not { } viewer)
        {
            return RunPayload(null, [DomainError.NotAllowed("Sign in to cancel runs.")]);
        }
        if (InputReader.ParseId(input.String("runId")) is not { } runId)
        {
            return RunPayload(null, [DomainError.NotFound("No run has that id.", "input", "runId")]);
        }
        var result = await ctx.Service<IGrainFactory>().GetGrain<ICourseRunGrain>(runId).CancelRunAsync(viewer, input.String("reason"));
        return RunPayload(result.Value, result.Errors);
    }

    private static async ValueTask<object?> MoveSessionAsync(IResolverContext ctx)
    {
        var input = InputReader.OfInput(ctx);
        // Refused before the session is looked up, so only providers and admins learn which ids exist.
        if (ctx.Viewer() is not { } viewer || !(viewer.IsAdmin || viewer.Has(Role.PROVIDER)))
        {
            return new { session = (CourseSession?)null, run = (CourseRun?)null, errors = new[] { DomainError.NotAllowed("Only the course's provider and admins may move a session.") } };
        }
        if (InputReader.ParseId(input.String("sessionId")) is not { } sessionId
            || await DirectoryLoaders.SessionAsync(ctx, sessionId) is not { } found)
        {
            return new { session = (CourseSession?)null, run = (CourseRun?)null, errors = new[] { DomainError.NotFound("No session has that id.", "input", "sessionId") } };
        }
        var result = await ctx.Service<IGrainFactory>().GetGrain<ICourseRunGrain>(found.RunId)
            .MoveSessionAsync(viewer, sessionId, input.DateTime("startsAt")!.Value, input.DateTime("endsAt")!.Value);
        var run = result.Value is null ? null : await ctx.Service<CourseRunQueries>().FindAsync(found.RunId, ctx.CancellationToken);
        return new { session = result.Value, run, errors = result.Errors };
    }

    private static object CoursePayload(Course? course, IReadOnlyList<DomainError> errors) => new { course, errors };

    private static object RunPayload(CourseRun? run, IReadOnlyList<DomainError> errors) => new { run, errors };
}
