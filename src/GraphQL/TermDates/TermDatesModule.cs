using System.Globalization;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.PeerReview;
using InclusionNetwork.Grains.Schools;
using InclusionNetwork.Grains.TermDates;
using InclusionNetwork.GraphQL.Common;
using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Types;
using Orleans;

namespace InclusionNetwork.GraphQL.TermDates;

/// <summary>
/// Term dates and training days: the years and their periods for anyone signed in, a school's
/// closure days for those who may see the school's diary (loaded for every school of a
/// response at once), and the mutations, each calling the one term-dates grain.
/// </summary>
public sealed class TermDatesModule : ISchemaModule
{
    private static readonly IReadOnlyList<AcademicYearTerms> NoYears = [];
    private static readonly IReadOnlyList<ClosureDay> NoDays = [];

    public void Configure(SchemaBuilder schema) => schema
        .AddSdl(Sdl.Read("TermDates/term-dates.graphql"))
        .BindEnum<TermPeriodKind>()
        .Resolve("Query", "academicYears", async ctx => ctx.Viewer() is null ? NoYears : await ctx.Service<TermDatesStore>().YearsAsync(ctx.CancellationToken))
        .Resolve("TermPeriod", "id", ctx => ctx.Source<StoredTermPeriod>().Id.ToString(CultureInfo.InvariantCulture))
        .Resolve("School", "closureDays", ClosureDaysAsync)
        .Resolve("Mutation", "addAcademicYear", async ctx =>
        {
            var input = InputReader.OfInput(ctx);
            var result = ctx.Viewer() is { } viewer
                ? await Grain(ctx).AddAcademicYearAsync(viewer, input.String("id") ?? "", input.Date("startsOn"), input.Date("endsOn"))
                : SignIn<AcademicYearTerms>();
            return new { academicYear = result.Value, errors = result.Errors };
        })
        .Resolve("Mutation", "addTermPeriod", async ctx =>
        {
            var input = InputReader.OfInput(ctx);
            var result = ctx.Viewer() is { } viewer
                ? await Grain(ctx).AddTermPeriodAsync(viewer, input.String("academicYear") ?? "", input.Enum<TermPeriodKind>("kind") ?? TermPeriodKind.TERM,
                    input.String("name") ?? "", input.Date("startsOn")!.Value, input.Date("endsOn")!.Value)
                : SignIn<StoredTermPeriod>();
            return new { termPeriod = result.Value, errors = result.Errors };
        })
        .Resolve("Mutation", "updateTermPeriod", async ctx =>
        {
            var input = InputReader.OfInput(ctx);
            var result = (ctx.Viewer(), InputReader.ParseId(input.String("id"))) switch
            {
                (null, _) => SignIn<StoredTermPeriod>(),
                (_, null) => NoPeriod(),
                ({ } viewer, { } id) => await Grain(ctx).UpdateTermPeriodAsync(viewer, id,
                    new TermPeriodChange(input.Enum<TermPeriodKind>("kind"), input.String("name"), input.Date("startsOn"), input.Date("endsOn"))),
            };
            return new { termPeriod = result.Value, errors = result.Errors };
        })
        .Resolve("Mutation", "removeTermPeriod", async ctx =>
        {
            var input = InputReader.OfInput(ctx);
            var result = (ctx.Viewer(), InputReader.ParseId(input.String("id"))) switch
            {
                (null, _) => SignIn<StoredTermPeriod>(),
                (_, null) => NoPeriod(),
                ({ } viewer, { } id) => await Grain(ctx).RemoveTermPeriodAsync(viewer, id),
            };
            return new { termPeriod = result.Value, errors = result.Errors };
        })
        .Resolve("Mutation", "addClosureDay", async ctx =>
        {
            var input = InputReader.OfInput(ctx);
            var result = ctx.Viewer() is { } viewer
                ? await Grain(ctx).AddClosureDayAsync(viewer, input.String("schoolUrn") ?? "", input.Date("date")!.Value, input.String("reason") ?? "")
                : SignIn<ClosureDay>();
            return new { closureDay = result.Value, errors = result.Errors };
        })
        .Resolve("Mutation", "removeClosureDay", async ctx =>
        {
            var input = InputReader.OfInput(ctx);
            var result = ctx.Viewer() is { } viewer
                ? await Grain(ctx).RemoveClosureDayAsync(viewer, input.String("schoolUrn") ?? "", input.Date("date")!.Value)
                : SignIn<ClosureDay>();
            return new { closureDay = result.Value, errors = result.Errors };
        });

    /// <summary>The school's users (bookers and staff), its cluster's leader in that year or a year open now, and admins.</summary>
    private static async ValueTask<object?> ClosureDaysAsync(IResolverContext ctx)
    {
        var school = ctx.Source<School>();
        var text = ctx.Argument<string>("academicYear");
        AcademicYear year;
        if (text is null)
        {
            year = AcademicYear.Containing(LondonTime.Today(ctx.Service<DomainClock>()));
        }
        else if (AcademicYear.TryParse(text, out var parsed))
        {
            year = parsed.Value;
        }
        else
        {
            throw new QueryArgumentException("\"academicYear\" must be written like 2026/27.");
        }
        if (ctx.Viewer() is not { } viewer)
        {
            return NoDays;
        }
        if (!viewer.ActsFor(school.Urn))
        {
            if (!viewer.Has(Role.LEADER) || viewer.LeaderId is not { } leaderId)
            {
                return NoDays;
            }
            var years = PeerReviewYears.Open(ctx.Service<DomainClock>()).Select(y => y.ToString()).Append(year.ToString()).Distinct().ToArray();
            var led = await ctx.DataLoader<string, bool>($"termDates.ledByViewer.{year}", async (urns, ct) =>
                {
                    var schools = await ctx.Service<PeerReviewQueries>().SchoolsInClustersLedByAsync(leaderId, urns, years, ct);
                    return urns.Distinct(StringComparer.Ordinal).ToDictionary(u => u, schools.Contains, StringComparer.Ordinal);
                })
                .LoadAsync(school.Urn);
            if (!led)
            {
                return NoDays;
            }
        }
        return await ctx.GroupedDataLoader<string, ClosureDay>($"termDates.closureDays.{year}",
                async (urns, ct) => await ctx.Service<TermDatesStore>().ClosureDaysAsync(urns, year, ct))
            .LoadAsync(school.Urn) ?? NoDays;
    }

    private static ITermDatesGrain Grain(IResolverContext ctx) => ctx.Service<IGrainFactory>().GetGrain<ITermDatesGrain>(0);

    private static CommandResult<T> SignIn<T>()
        where T : class => CommandResult<T>.Failure(DomainError.NotAllowed("Sign in first."));

    private static CommandResult<StoredTermPeriod> NoPeriod() => CommandResult<StoredTermPeriod>.Failure(DomainError.NotFound("No term period has that id.", "input", "id"));
}
