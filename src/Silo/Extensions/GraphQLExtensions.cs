using InclusionNetwork.GraphQL;
using InclusionNetwork.GraphQL.Common;
using InclusionNetwork.GraphQL.Engine.Http;
using InclusionNetwork.GraphQL.Engine.Limits;
using InclusionNetwork.GraphQL.Engine.Types;
using InclusionNetwork.Silo.Authentication;
using InclusionNetwork.Silo.Security;

namespace InclusionNetwork.Silo.Extensions;

public static class GraphQLExtensions
{
    /// <summary>The InclusionNetwork schema, built once from every concept's module.</summary>
    public static WebApplicationBuilder AddGraphQL(this WebApplicationBuilder builder)
    {
        builder.Services.AddInclusionSchema();
        return builder;
    }

    /// <summary>
    /// <c>/graphql</c> over HTTP for everyone: fields decide what a caller may see. The
    /// signed-in person (from the bearer token or session cookie) reaches resolvers through
    /// the request's items. Limits come from the <c>GraphQL:Limits</c> section, the document
    /// cache's bounds from <c>GraphQL:DocumentCacheSize</c> and <c>GraphQL:DocumentCacheBytes</c>,
    /// and how many costly operations run at once from <c>GraphQL:CostlyOperations</c>.
    /// </summary>
    public static WebApplication MapInclusionGraphQL(this WebApplication app)
    {
        // A copy: binding into RequestLimits.Default itself would change it for every user in the process.
        var limits = RequestLimits.Default with { };
        app.Configuration.GetSection("GraphQL:Limits").Bind(limits);
        var defaults = new GraphQLHttpOptions();
        var costly = new CostlyOperationOptions();
        app.Configuration.GetSection("GraphQL:CostlyOperations").Bind(costly);
        app.MapGraphQL("/graphql", services => services.GetRequiredService<Schema>(), new GraphQLHttpOptions
        {
            Limits = limits,
            DocumentCacheSize = app.Configuration.GetValue("GraphQL:DocumentCacheSize", defaults.DocumentCacheSize),
            DocumentCacheBytes = app.Configuration.GetValue("GraphQL:DocumentCacheBytes", defaults.DocumentCacheBytes),
            Admission = new CostlyOperationLane(costly),
            OnRequest = (http, items) =>
            {
                items[RequestItems.ViewerKey] = http.GetViewer();
                return ValueTask.CompletedTask;
            },
        }).RequireRateLimiting(IdentityExtensions.GraphQLConcurrencyLimit);
        return app;
    }
}
