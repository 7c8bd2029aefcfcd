using InclusionNetwork.GraphQL;
using InclusionNetwork.GraphQL.Common;
using InclusionNetwork.GraphQL.Engine.Http;
using InclusionNetwork.GraphQL.Engine.Limits;
using InclusionNetwork.GraphQL.Engine.Types;
using InclusionNetwork.Silo.Authentication;

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
    /// the request's items. Limits come from the <c>GraphQL:Limits</c> section.
    /// </summary>
    public static WebApplication MapInclusionGraphQL(this WebApplication app)
    {
        var limits = RequestLimits.Default;
        app.Configuration.GetSection("GraphQL:Limits").Bind(limits);
        app.MapGraphQL("/graphql", services => services.GetRequiredService<Schema>(), new GraphQLHttpOptions
        {
            Limits = limits,
            OnRequest = (http, items) =>
            {
                items[RequestItems.ViewerKey] = http.GetViewer();
                return ValueTask.CompletedTask;
            },
        });
        return app;
    }
}
