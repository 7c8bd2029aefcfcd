using System.Globalization;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Messages;
using InclusionNetwork.GraphQL.Common;
using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Messages;

/// <summary>
/// <c>outbox</c>: what the product has queued, sent or given up on, for admins. The field is
/// non-null in the contract, so anyone else gets a field error rather than an empty list that
/// could be mistaken for "nothing sent".
/// </summary>
public sealed class MessagesModule : ISchemaModule
{
    public void Configure(SchemaBuilder schema) => schema
        .AddSdl(Sdl.Read("Messages/messages.graphql"))
        .BindEnum<MessageStatus>()
        .Resolve("Query", "outbox", OutboxAsync)
        .Resolve("OutboxMessage", "id", ctx => ctx.Source<OutboxMessage>().Id.ToString(CultureInfo.InvariantCulture))
        // By the viewer's address: the outbox checks the same row when it writes a reminder or prompt.
        .Resolve("Viewer", "notificationPreferences", async ctx =>
            await ctx.Service<NotificationPreferenceStore>().GetAsync(ctx.Source<Viewer>().Email, ctx.CancellationToken))
        .Resolve("Mutation", "updateNotificationPreferences", UpdatePreferencesAsync);

    /// <summary>Only the signed-in person's own; an omitted field keeps its value.</summary>
    private static async ValueTask<object?> UpdatePreferencesAsync(IResolverContext ctx)
    {
        var input = InputReader.OfInput(ctx);
        if (ctx.Viewer() is not { } viewer)
        {
            return new { preferences = (NotificationPreferences?)null, errors = new[] { DomainError.NotAllowed("Sign in to change your notification preferences.") } };
        }
        var preferences = await ctx.Service<NotificationPreferenceStore>().UpdateAsync(viewer.Email, input.Boolean("reminders"), input.Boolean("prompts"), ctx.CancellationToken);
        return new { preferences = (NotificationPreferences?)preferences, errors = Array.Empty<DomainError>() };
    }

    private static async ValueTask<object?> OutboxAsync(IResolverContext ctx)
    {
        var viewer = ctx.Viewer() ?? throw new GraphQLException("Sign in as an admin to read the outbox.", "UNAUTHENTICATED");
        if (!viewer.IsAdmin)
        {
            throw new GraphQLException("Only admins may read the outbox.", "FORBIDDEN");
        }
        var first = Paging.First(ctx.Argument<int?>("first"), 50);
        var afterId = Paging.AfterId(ctx.Argument<string>("after"));
        var page = await ctx.Service<OutboxQueries>().ListAsync(ctx.Argument<MessageStatus?>("status"), first, afterId, ctx.CancellationToken);
        return Paging.Connection(page.Messages, m => Cursor.Encode(m.Id.ToString(CultureInfo.InvariantCulture)),
            page.HasNextPage, afterId is not null, page.TotalCount);
    }
}
