using System.Globalization;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Schools;
using InclusionNetwork.GraphQL.Common;
using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Accounts;

/// <summary><c>me</c>: the signed-in person and what they act for.</summary>
public sealed class AccountsModule : ISchemaModule
{
    public void Configure(SchemaBuilder schema) => schema
        .AddSdl(Sdl.Read("Accounts/accounts.graphql"))
        .BindEnum<Role>()
        .Resolve("Query", "me", ctx => ctx.Viewer())
        .Resolve("Viewer", "id", ctx => ctx.Source<Viewer>().AccountId.ToString(CultureInfo.InvariantCulture))
        .Resolve("Viewer", "roles", ctx => ctx.Source<Viewer>().Roles.Order().ToList())
        .Resolve("Viewer", "school", async ctx => ctx.Source<Viewer>().SchoolUrn is { } urn
            ? await ctx.Service<SchoolQueries>().FindAsync(urn, ctx.CancellationToken)
            : null);
}
