using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Courses;
using InclusionNetwork.Grains.Uptake;
using InclusionNetwork.GraphQL.Common;
using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Directory;

/// <summary>
/// <c>Course.feedback</c>: what participants said about a course in a year, for the
/// course's provider (the account that publishes its runs), commissioners and admins; null
/// for everyone else, so the directory's public course pages carry no one's answers.
/// Loaded for every course of a response at once.
/// </summary>
public sealed class CourseFeedbackModule : ISchemaModule
{
    public void Configure(SchemaBuilder schema) => schema
        .AddSdl(Sdl.Read("Directory/course-feedback.graphql"))
        .Resolve("Course", "feedback", FeedbackAsync);

    private static async ValueTask<object?> FeedbackAsync(IResolverContext ctx)
    {
        var course = ctx.Source<Course>();
        UptakePeriod period;
        try
        {
            period = UptakePeriod.For(ctx.Argument<string>("academicYear"), ctx.Service<DomainClock>());
        }
        catch (UptakeArgumentException e)
        {
            throw new QueryArgumentException(e.Message);
        }
        if (!MayRead(ctx.Viewer(), course))
        {
            return null;
        }
        return await ctx.DataLoader<long, CourseFeedback>($"courseFeedback.{period.Year}",
                async (ids, ct) => await ctx.Service<CourseFeedbackQuery>().RunAsync(ids, period, ct))
            .LoadAsync(course.Id);
    }

    private static bool MayRead(Viewer? viewer, Course course) =>
        viewer is not null && (viewer.IsAdmin || viewer.Has(Role.COMMISSIONER)
            || (viewer.Has(Role.PROVIDER) && course.ProviderAccountId == viewer.AccountId));
}
