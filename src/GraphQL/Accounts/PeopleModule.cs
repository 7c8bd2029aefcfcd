using System.Globalization;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Leaders;
using InclusionNetwork.GraphQL.Common;
using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Types;
using InclusionNetwork.GraphQL.PeerReview;
using InclusionNetwork.GraphQL.Places;
using Orleans;

namespace InclusionNetwork.GraphQL.Accounts;

/// <summary>
/// People: invitations (sent, withdrawn, previewed by their holder, accepted) and password
/// resets. Who may do what is decided in the services; anonymous callers reach only the
/// token-holding mutations and the reset request.
/// </summary>
public sealed class PeopleModule : ISchemaModule
{
    public void Configure(SchemaBuilder schema) => schema
        .AddSdl(Sdl.Read("Accounts/people.graphql"))
        .Resolve("Query", "invitations", async ctx => await ctx.Service<InvitationService>().ListOpenAsync(ctx.Viewer(), ctx.CancellationToken))
        .Resolve("Query", "invitationByToken", async ctx => await ctx.Service<InvitationService>().PreviewAsync(ctx.RequiredArgument<string>("token"), ctx.CancellationToken))
        .Resolve("Invitation", "id", ctx => ctx.Source<Invitation>().Id.ToString(CultureInfo.InvariantCulture))
        .Resolve("Invitation", "school", async ctx => ctx.Source<Invitation>().SchoolUrn is { } urn ? await SchoolLoader.LoadAsync(ctx, urn) : null)
        .Resolve("InvitationPreview", "invitedBy", ctx => ctx.Source<InvitationPreview>().InvitedByName)
        .Resolve("Account", "id", ctx => ctx.Source<Account>().Id.ToString(CultureInfo.InvariantCulture))
        .Resolve("Account", "school", async ctx => ctx.Source<Account>().SchoolUrn is { } urn ? await SchoolLoader.LoadAsync(ctx, urn) : null)
        .Resolve("Account", "leader", async ctx => ctx.Source<Account>().LeaderId is { } id ? await PeerReviewLoaders.LeaderAsync(ctx, id) : null)
        .Resolve("Session", "token", ctx => ctx.Source<IssuedToken>().Secret)
        .Resolve("Query", "accounts", AccountsAsync)
        .Resolve("Query", "account", AccountAsync)
        .Resolve("Mutation", "updateAccount", UpdateAccountAsync)
        .Resolve("Mutation", "designateInclusionLeader", DesignateLeaderAsync)
        .Resolve("Mutation", "updateInclusionLeader", UpdateLeaderAsync)
        .Resolve("Mutation", "erasePerson", EraseAsync)
        .Resolve("Mutation", "invite", InviteAsync)
        .Resolve("Mutation", "withdrawInvitation", WithdrawAsync)
        .Resolve("Mutation", "acceptInvitation", AcceptAsync)
        .Resolve("Mutation", "requestPasswordReset", RequestResetAsync)
        .Resolve("Mutation", "resetPassword", ResetAsync);

    private static async ValueTask<object?> InviteAsync(IResolverContext ctx)
    {
        var input = InputReader.OfInput(ctx);
        if (ctx.Viewer() is not { } viewer)
        {
            return InvitationPayload(null, [DomainError.NotAllowed("Sign in to invite people.")]);
        }
        long? staffId = null;
        if (input.String("staffId") is { } staffText)
        {
            if (InputReader.ParseId(staffText) is not { } parsed)
            {
                return InvitationPayload(null, [DomainError.NotFound("The school has no current member of staff with that id.", "input", "staffId")]);
            }
            staffId = parsed;
        }
        var result = await ctx.Service<InvitationService>().InviteAsync(viewer, new InvitationRequest(
            input.String("email") ?? "", input.String("name") ?? "", input.List<Role>("roles") ?? [], input.String("schoolUrn"), staffId), ctx.CancellationToken);
        return InvitationPayload(result.Value, result.Errors);
    }

    private static async ValueTask<object?> WithdrawAsync(IResolverContext ctx)
    {
        var input = InputReader.OfInput(ctx);
        if (ctx.Viewer() is not { } viewer)
        {
            return InvitationPayload(null, [DomainError.NotAllowed("Sign in to withdraw an invitation.")]);
        }
        if (InputReader.ParseId(input.String("invitationId")) is not { } id)
        {
            return InvitationPayload(null, [DomainError.NotFound("There is no open invitation with that id.", "input", "invitationId")]);
        }
        var result = await ctx.Service<InvitationService>().WithdrawAsync(viewer, id, ctx.CancellationToken);
        return InvitationPayload(result.Value, result.Errors);
    }

    private static async ValueTask<object?> AcceptAsync(IResolverContext ctx)
    {
        var input = InputReader.OfInput(ctx);
        var result = await ctx.Service<InvitationService>().AcceptAsync(input.String("token") ?? "", input.String("password") ?? "", ctx.CancellationToken);
        return new { account = result.Value?.Account, errors = result.Errors, session = result.Value?.Session };
    }

    private static async ValueTask<object?> RequestResetAsync(IResolverContext ctx)
    {
        var input = InputReader.OfInput(ctx);
        await ctx.Service<PasswordResetService>().RequestAsync(input.String("email") ?? "", ctx.CancellationToken);
        return new { accepted = true, errors = Array.Empty<DomainError>() };
    }

    private static async ValueTask<object?> ResetAsync(IResolverContext ctx)
    {
        var input = InputReader.OfInput(ctx);
        var result = await ctx.Service<PasswordResetService>().ResetAsync(input.String("token") ?? "", input.String("password") ?? "", ctx.CancellationToken);
        return AccountPayload(result.Value, result.Errors);
    }

    /// <summary>Non-null in the contract, so anyone but an admin gets a field error, not an empty list that could pass for "no accounts".</summary>
    private static async ValueTask<object?> AccountsAsync(IResolverContext ctx)
    {
        var viewer = ctx.Viewer() ?? throw new GraphQLException("Sign in as an admin to list accounts.", "UNAUTHENTICATED");
        if (!viewer.IsAdmin)
        {
            throw new GraphQLException("Only admins may list accounts.", "FORBIDDEN");
        }
        var filter = InputReader.OfArgument(ctx, "filter");
        var first = Paging.First(ctx.Argument<int?>("first"), 50);
        var afterId = Paging.AfterId(ctx.Argument<string>("after"));
        var search = filter.String("search");
        if (search is { Length: > 200 })
        {
            throw new QueryArgumentException("\"search\" may be at most 200 characters long.");
        }
        var page = await ctx.Service<AccountAdministration>().ListAsync(
            new AccountFilter(filter.Enum<Role>("role"), filter.String("schoolUrn"), search, filter.Boolean("includeInactive") ?? false),
            first, afterId, ctx.CancellationToken);
        return Paging.Connection(page.Accounts, a => Cursor.Encode(a.Id.ToString(CultureInfo.InvariantCulture)),
            page.HasNextPage, afterId is not null, page.TotalCount);
    }

    /// <summary>Admins only, refused like <c>accounts</c>, so a null answer always means "no such account".</summary>
    private static async ValueTask<object?> AccountAsync(IResolverContext ctx)
    {
        var viewer = ctx.Viewer() ?? throw new GraphQLException("Sign in as an admin to see accounts.", "UNAUTHENTICATED");
        if (!viewer.IsAdmin)
        {
            throw new GraphQLException("Only admins may see accounts.", "FORBIDDEN");
        }
        return InputReader.ParseId(ctx.RequiredArgument<string>("id")) is { } id
            ? await ctx.Service<AccountAdministration>().FindAsync(id, ctx.CancellationToken)
            : null;
    }

    private static async ValueTask<object?> UpdateAccountAsync(IResolverContext ctx)
    {
        var input = InputReader.OfInput(ctx);
        if (ctx.Viewer() is not { } viewer)
        {
            return AccountPayload(null, [DomainError.NotAllowed("Sign in as an admin to change accounts.")]);
        }
        if (InputReader.ParseId(input.String("accountId")) is not { } accountId)
        {
            return AccountPayload(null, [DomainError.NotFound("No account has that id.", "input", "accountId")]);
        }
        var result = await ctx.Service<AccountAdministration>().UpdateAsync(viewer, new AccountUpdate(
            accountId, input.String("name"), input.List<Role>("roles"), input.Has("schoolUrn"), input.String("schoolUrn"), input.Boolean("active")),
            ctx.CancellationToken);
        return AccountPayload(result.Value, result.Errors);
    }

    private static async ValueTask<object?> DesignateLeaderAsync(IResolverContext ctx)
    {
        var input = InputReader.OfInput(ctx);
        if (ctx.Viewer() is not { } viewer)
        {
            return LeaderPayload(null, [DomainError.NotAllowed("Sign in as an admin to designate leaders.")]);
        }
        if (InputReader.ParseId(input.String("accountId")) is not { } accountId)
        {
            return LeaderPayload(null, [DomainError.NotFound("No active account has that id.", "input", "accountId")]);
        }
        var result = await ctx.Service<LeaderStore>().DesignateAsync(viewer, accountId, input.String("schoolUrn"), input.Int("maxClusters"), ctx.CancellationToken);
        return LeaderPayload(result.Value, result.Errors);
    }

    private static async ValueTask<object?> UpdateLeaderAsync(IResolverContext ctx)
    {
        var input = InputReader.OfInput(ctx);
        if (ctx.Viewer() is not { } viewer)
        {
            return LeaderPayload(null, [DomainError.NotAllowed("Sign in to change a leader.")]);
        }
        if (InputReader.ParseId(input.String("leaderId")) is not { } leaderId)
        {
            return LeaderPayload(null, [DomainError.NotFound("No inclusion leader has that id.", "input", "leaderId")]);
        }
        var change = new LeaderChange(input.Has("schoolUrn"), input.String("schoolUrn"), input.Int("maxClusters"),
            input.List<DateOnly>("addUnavailableDates") ?? [], input.List<DateOnly>("removeUnavailableDates") ?? [], input.Boolean("retired"));
        var result = await ctx.Service<IGrainFactory>().GetGrain<ILeaderGrain>(leaderId).UpdateAsync(viewer, change);
        return LeaderPayload(result.Value, result.Errors);
    }

    private static async ValueTask<object?> EraseAsync(IResolverContext ctx)
    {
        var input = InputReader.OfInput(ctx);
        if (ctx.Viewer() is not { } viewer)
        {
            return new { erased = false, errors = new[] { DomainError.NotAllowed("Sign in as an admin to erase a person.") } };
        }
        long? accountId = null;
        long? staffId = null;
        if (input.String("accountId") is { } accountText)
        {
            accountId = InputReader.ParseId(accountText) ?? -1;
        }
        if (input.String("staffId") is { } staffText)
        {
            staffId = InputReader.ParseId(staffText) ?? -1;
        }
        var result = await ctx.Service<PersonErasure>().EraseAsync(viewer, accountId, staffId, ctx.CancellationToken);
        return new { erased = result.Succeeded, errors = result.Errors };
    }

    private static object LeaderPayload(InclusionLeader? leader, IReadOnlyList<DomainError> errors) => new { leader, errors };

    private static object AccountPayload(Account? account, IReadOnlyList<DomainError> errors) => new { account, errors, session = (IssuedToken?)null };

    private static object InvitationPayload(Invitation? invitation, IReadOnlyList<DomainError> errors) => new { invitation, errors };
}
