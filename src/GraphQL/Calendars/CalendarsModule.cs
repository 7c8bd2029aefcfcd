using System.Globalization;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Calendars;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.GraphQL.Common;
using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Types;
using Orleans;

namespace InclusionNetwork.GraphQL.Calendars;

/// <summary>Calendar feeds: the viewer's subscription links, issued and revoked through their own feeds grain.</summary>
public sealed class CalendarsModule : ISchemaModule
{
    public void Configure(SchemaBuilder schema) => schema
        .AddSdl(Sdl.Read("Calendars/calendars.graphql"))
        .BindEnum<FeedScope>()
        .Resolve("Viewer", "calendarFeeds", async ctx => await ctx.Service<CalendarFeedStore>().ListAsync(ctx.Source<Viewer>().AccountId, ctx.CancellationToken))
        .Resolve("CalendarFeed", "id", ctx => ctx.Source<CalendarFeed>().Id.ToString(CultureInfo.InvariantCulture))
        .Resolve("Mutation", "createCalendarFeed", CreateAsync)
        .Resolve("Mutation", "revokeCalendarFeed", RevokeAsync);

    private static async ValueTask<object?> CreateAsync(IResolverContext ctx)
    {
        var input = InputReader.OfInput(ctx);
        if (ctx.Viewer() is not { } viewer)
        {
            return Payload(null, [DomainError.NotAllowed("Sign in to create a calendar feed.")]);
        }
        var result = await ctx.Service<IGrainFactory>().GetGrain<ICalendarFeedsGrain>(viewer.AccountId)
            .CreateAsync(viewer, input.Enum<FeedScope>("scope")!.Value, input.String("subjectId"));
        return Payload(result.Value, result.Errors);
    }

    private static async ValueTask<object?> RevokeAsync(IResolverContext ctx)
    {
        var input = InputReader.OfInput(ctx);
        if (ctx.Viewer() is not { } viewer)
        {
            return Payload(null, [DomainError.NotAllowed("Sign in to revoke a calendar feed.")]);
        }
        if (InputReader.ParseId(input.String("feedId")) is not { } feedId)
        {
            return Payload(null, [DomainError.NotFound("You have no calendar feed with that id.", "input", "feedId")]);
        }
        var result = await ctx.Service<IGrainFactory>().GetGrain<ICalendarFeedsGrain>(viewer.AccountId).RevokeAsync(viewer, feedId);
        return Payload(result.Value, result.Errors);
    }

    private static object Payload(CalendarFeed? feed, IReadOnlyList<DomainError> errors) => new { feed, errors };
}
