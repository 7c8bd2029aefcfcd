using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Networks;
using InclusionNetwork.Grains.PeerReview;
using InclusionNetwork.Grains.Places;
using InclusionNetwork.GraphQL.Common;
using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Types;
using InclusionNetwork.GraphQL.PeerReview;
using Orleans;

namespace InclusionNetwork.GraphQL.Networks;

/// <summary>Network series and their meetings; readable by anyone signed in (they name schools, not people).</summary>
public sealed class NetworksModule : ISchemaModule
{
    public void Configure(SchemaBuilder schema) => schema
        .AddSdl(Sdl.Read("Networks/networks.graphql"))
        .BindEnum<NetworkKind>()
        .Resolve("Query", "networks", async ctx => ctx.Viewer() is null
            ? Array.Empty<Network>()
            : await ctx.Service<NetworkQueries>().SearchAsync(ctx.Argument<NetworkKind?>("kind"), ctx.Argument<string>("district"), ctx.CancellationToken))
        .Resolve("Query", "network", async ctx => ctx.Viewer() is not null && InputReader.ParseId(ctx.RequiredArgument<string>("id")) is { } id
            ? (await ctx.Service<NetworkQueries>().FindManyAsync([id], ctx.CancellationToken)).GetValueOrDefault(id)
            : null)
        .Resolve("Network", "id", ctx => PeerReviewModule.Id(ctx.Source<Network>().Id))
        .Resolve("Network", "district", async ctx => ctx.Source<Network>().DistrictId is { } id
            ? await ctx.Service<PlacesDirectory>().DistrictAsync(id, ctx.CancellationToken)
            : null)
        .Resolve("Network", "members", async ctx => await PeerReviewLoaders.SchoolsAsync(ctx, ctx.Source<Network>().MemberUrns))
        .Resolve("Network", "meetings", async ctx => await MeetingsAsync(ctx, ctx.Source<Network>().Id))
        .Resolve("Network", "organisers", OrganisersAsync)
        .Resolve("Meeting", "id", ctx => PeerReviewModule.Id(ctx.Source<Meeting>().Id))
        .Resolve("Meeting", "network", async ctx => await ctx.DataLoader<long, Network>("networks.networkById",
            async (ids, ct) => await ctx.Service<NetworkQueries>().FindManyAsync(ids, ct)).LoadAsync(ctx.Source<Meeting>().NetworkId))
        .Resolve("Mutation", "createNetwork", CreateNetworkAsync)
        .Resolve("Mutation", "scheduleMeeting", ctx => NetworkCommandAsync(ctx, "networkId", async (viewer, input, networkId) =>
            await ctx.Service<IGrainFactory>().GetGrain<INetworkGrain>(networkId).ScheduleMeetingAsync(viewer, input.String("title"),
                input.DateTime("startsAt")!.Value, input.DateTime("endsAt")!.Value, input.String("location"))))
        .Resolve("Mutation", "cancelMeeting", ctx => NetworkCommandAsync(ctx, "meetingId", async (viewer, _, meetingId) =>
            await MeetingCommandAsync(ctx, meetingId, grain => grain.CancelMeetingAsync(viewer, meetingId))))
        .Resolve("Mutation", "moveMeeting", ctx => NetworkCommandAsync(ctx, "meetingId", async (viewer, input, meetingId) =>
            await MeetingCommandAsync(ctx, meetingId, grain => grain.MoveMeetingAsync(viewer, meetingId,
                input.DateTime("startsAt")!.Value, input.DateTime("endsAt")!.Value, input.String("location")))));

    /// <summary>
    /// The network's organisers, to admins and to the network's own organisers: the accounts carry
    /// email addresses, which members' schools have no need of. Batched per request.
    /// </summary>
    private static async ValueTask<object?> OrganisersAsync(IResolverContext ctx)
    {
        if (ctx.Viewer() is not { } viewer || (!viewer.IsAdmin && !viewer.Has(Role.LEADER) && !viewer.Has(Role.NETWORK_LEAD)))
        {
            return Array.Empty<Account>();
        }
        var organisers = await ctx.GroupedDataLoader<long, Account>("networks.organisers",
            async (ids, ct) => await ctx.Service<NetworkOrganisers>().OfNetworksAsync(ids, ct))
            .LoadAsync(ctx.Source<Network>().Id) ?? [];
        return viewer.IsAdmin || organisers.Any(a => a.Id == viewer.AccountId) ? organisers : Array.Empty<Account>();
    }

    /// <summary>A network's meetings starting between the from and to dates (London days, both inclusive), batched per request.</summary>
    public static async Task<IReadOnlyList<Meeting>> MeetingsAsync(IResolverContext ctx, long networkId)
    {
        var from = ctx.Argument<DateOnly?>("from") is { } f ? LondonTime.At(f, TimeOnly.MinValue) : (DateTimeOffset?)null;
        var to = ctx.Argument<DateOnly?>("to") is { } t ? LondonTime.At(t.AddDays(1), TimeOnly.MinValue) : (DateTimeOffset?)null;
        var key = $"networks.meetings.{from:O}.{to:O}";
        return await ctx.GroupedDataLoader<long, Meeting>(key,
            async (ids, ct) => await ctx.Service<NetworkQueries>().MeetingsAsync(ids, from, to, ct)).LoadAsync(networkId) ?? [];
    }

    private static async ValueTask<object?> CreateNetworkAsync(IResolverContext ctx)
    {
        var input = InputReader.OfInput(ctx);
        if (ctx.Viewer() is not { } viewer)
        {
            return new { network = (Network?)null, errors = new[] { DomainError.NotAllowed("Sign in to create a network.") } };
        }
        var network = new NewNetwork(
            input.String("name") ?? "",
            input.Enum<NetworkKind>("kind")!.Value,
            input.String("districtId"),
            input.List<string>("memberUrns") ?? [],
            string.IsNullOrWhiteSpace(input.String("recurrence")) ? null : input.String("recurrence"),
            input.DateTime("firstStartsAt"),
            input.Int("durationMinutes"),
            input.String("location"),
            input.List<DateTimeOffset>("meetingStarts") ?? [],
            OrganiserAccountIds: input.List<string>("organiserIds") is { } organisers
                // An id that is not a number can name no account: -1 is refused as unknown.
                ? organisers.Select(o => InputReader.ParseId(o) ?? -1).ToList()
                : [viewer.AccountId]);
        var result = await ctx.Service<IGrainFactory>().GetGrain<INetworkDirectoryGrain>(INetworkDirectoryGrain.County).CreateNetworkAsync(viewer, network);
        return new { network = result.Value, errors = result.Errors };
    }

    private static async Task<CommandResult<Meeting>> MeetingCommandAsync(IResolverContext ctx, long meetingId, Func<INetworkGrain, Task<CommandResult<Meeting>>> command) =>
        await ctx.Service<NetworkQueries>().MeetingAsync(meetingId, ctx.CancellationToken) is { } meeting
            ? await command(ctx.Service<IGrainFactory>().GetGrain<INetworkGrain>(meeting.NetworkId))
            : CommandResult<Meeting>.Failure(DomainError.NotFound("No meeting has that id.", "input", "meetingId"));

    private static async ValueTask<object?> NetworkCommandAsync(IResolverContext ctx, string idField,
        Func<Grains.Accounts.Viewer, InputReader, long, Task<CommandResult<Meeting>>> command)
    {
        var input = InputReader.OfInput(ctx);
        if (ctx.Viewer() is not { } viewer)
        {
            return new { meeting = (Meeting?)null, errors = new[] { DomainError.NotAllowed("Sign in first.") } };
        }
        if (InputReader.ParseId(input.String(idField)) is not { } id)
        {
            return new { meeting = (Meeting?)null, errors = new[] { DomainError.NotFound("Nothing has that id.", "input", idField) } };
        }
        var result = await command(viewer, input, id);
        return new { meeting = result.Value, errors = result.Errors };
    }
}
