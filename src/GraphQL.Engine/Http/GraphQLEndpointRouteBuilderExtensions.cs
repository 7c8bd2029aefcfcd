using InclusionNetwork.GraphQL.Engine.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace InclusionNetwork.GraphQL.Engine.Http;

/// <summary><c>app.MapGraphQL("/graphql", schema)</c>: serves a schema over HTTP at a route.</summary>
public static class GraphQLEndpointRouteBuilderExtensions
{
    public static IEndpointConventionBuilder MapGraphQL(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        Schema schema,
        GraphQLHttpOptions? options = null) =>
        endpoints.MapGraphQL(pattern, _ => schema, options);

    /// <summary>Serves the schema the provider returns from the request's services (e.g. one built at start-up and registered).</summary>
    public static IEndpointConventionBuilder MapGraphQL(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        Func<IServiceProvider, Schema> schemaProvider,
        GraphQLHttpOptions? options = null)
    {
        var handler = new GraphQLHttpHandler(schemaProvider, options ?? new GraphQLHttpOptions());
        return endpoints.Map(pattern, handler.HandleAsync).WithDisplayName("GraphQL " + pattern);
    }
}
