using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Courses;
using InclusionNetwork.GraphQL.Engine.Execution;

namespace InclusionNetwork.GraphQL.Directory;

/// <summary>
/// Per-request batched loads of courses, runs and sessions: a page of twenty courses with
/// their runs and sessions costs one statement per level, not one per item.
/// </summary>
public static class DirectoryLoaders
{
    public static Task<Course?> CourseAsync(IResolverContext ctx, long id) =>
        ctx.DataLoader<long, Course>("directory.courseById",
            async (ids, ct) => await ctx.Service<CourseQueries>().FindManyAsync(ids, ct)).LoadAsync(id);

    public static Task<CourseRun?> RunAsync(IResolverContext ctx, long id) => RunLoader(ctx).LoadAsync(id);

    private static DataLoader<long, CourseRun> RunLoader(IResolverContext ctx) =>
        ctx.DataLoader<long, CourseRun>("directory.runById",
            async (ids, ct) => await ctx.Service<CourseRunQueries>().FindManyAsync(ids, ct));

    public static Task<CourseSession?> SessionAsync(IResolverContext ctx, long id) =>
        ctx.DataLoader<long, CourseSession>("directory.sessionById",
            async (ids, ct) => await ctx.Service<CourseRunQueries>().FindSessionsAsync(ids, ct)).LoadAsync(id);

    public static async Task<IReadOnlyList<CourseSession>> SessionsOfRunAsync(IResolverContext ctx, long runId) =>
        await ctx.GroupedDataLoader<long, CourseSession>("directory.sessionsByRun",
            async (ids, ct) => await ctx.Service<CourseRunQueries>().SessionsOfAsync(ids, ct)).LoadAsync(runId) ?? [];

    /// <summary>Runs of a course by start; past ones only when asked (two loaders, one per answer).</summary>
    public static async Task<IReadOnlyList<CourseRun>> RunsOfCourseAsync(IResolverContext ctx, long courseId, bool includePast)
    {
        var now = ctx.Service<DomainClock>().GetUtcNow();
        var loader = ctx.GroupedDataLoader<long, CourseRun>(includePast ? "directory.allRunsByCourse" : "directory.currentRunsByCourse",
            async (ids, ct) => await ctx.Service<CourseRunQueries>().OfCoursesAsync(ids, includePast, now, ct));
        var runs = await loader.LoadAsync(courseId) ?? [];
        // A run's sessions and bookings point back at it: those reads then need no statement of their own.
        var byId = RunLoader(ctx);
        foreach (var run in runs)
        {
            byId.Prime(run.Id, run);
        }
        return runs;
    }
}
