using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Http;
using InclusionNetwork.GraphQL.Engine.Limits;
using InclusionNetwork.GraphQL.Engine.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InclusionNetwork.GraphQL.Engine.Tests.Http;

/// <summary>A real Kestrel on 127.0.0.1 and a free port, serving a small schema at <c>/graphql</c>.</summary>
internal sealed class GraphQLTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GraphQLTestServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static Schema Schema { get; } = new SchemaBuilder()
        .Object("Query", t => t
            .Field("hello", "String!", f => f.Resolve(_ => "world"))
            .Field("viewer", "String", f => f.Resolve(ctx => ctx.Items.TryGetValue("viewer", out var viewer) ? viewer : null))
            .Field("double", "Int!", f => f.Argument("value", "Int!").Resolve(ctx => ctx.RequiredArgument<int>("value") * 2))
            .Field("node", "Node", f => f.Resolve(_ => new Dictionary<string, object?> { ["child"] = null })))
        .Object("Node", t => t.Field("child", "Node").Field("name", "String"))
        .Object("Mutation", t => t.Field("bump", "Int!", f => f.Resolve(_ => 1)))
        .Build();

    public static async Task<GraphQLTestServer> StartAsync(RequestLimits? limits = null, IExecutionAdmission? admission = null,
        Action<Microsoft.AspNetCore.Http.HttpContext>? onRequestRefused = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGraphQL("/graphql", Schema, new GraphQLHttpOptions
        {
            Limits = limits ?? RequestLimits.Default,
            Admission = admission,
            OnRequestRefused = onRequestRefused,
            OnRequest = (http, items) =>
            {
                items["viewer"] = http.Request.Headers["X-Viewer"].ToString() is { Length: > 0 } viewer ? viewer : null;
                return ValueTask.CompletedTask;
            },
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GraphQLTestServer(app, new Uri(address + "/graphql"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
