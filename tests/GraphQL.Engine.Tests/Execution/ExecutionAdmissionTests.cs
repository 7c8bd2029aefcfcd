using System.Net;
using System.Text.Json;
using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Tests.Http;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Tests.Execution;

public sealed class ExecutionAdmissionTests
{
    /// <summary>Records what it was asked and whether its lease is held; admits or refuses as told.</summary>
    private sealed class RecordingAdmission(bool admit) : IExecutionAdmission
    {
        public List<long> Costs { get; } = [];

        public bool Held { get; private set; }

        public ValueTask<IDisposable?> AdmitAsync(long estimatedCost, CancellationToken cancellationToken)
        {
            Costs.Add(estimatedCost);
            if (!admit)
            {
                return ValueTask.FromResult<IDisposable?>(null);
            }

            Held = true;
            return ValueTask.FromResult<IDisposable?>(new Lease(this));
        }

        private sealed class Lease(RecordingAdmission owner) : IDisposable
        {
            public void Dispose() => owner.Held = false;
        }
    }

    private static Schema BuildSchema(Func<bool> onResolve) => new SchemaBuilder()
        .Object("Item", t => t.Field("name", "String", f => f.Resolve(_ => onResolve() ? "held" : "not held")))
        .Object("Query", t => t.Field("items", "[Item!]!", f => f
            .Argument("first", "Int")
            .Resolve(ctx => Enumerable.Range(0, ctx.Argument<int?>("first") ?? 1).Select(_ => new object()).ToArray())))
        .Build();

    [Fact]
    public async Task The_admission_is_asked_with_the_estimated_cost_and_its_lease_is_held_while_resolvers_run()
    {
        var admission = new RecordingAdmission(admit: true);
        var schema = BuildSchema(() => admission.Held);

        var result = await Executor.ExecuteAsync(schema, new ExecutionRequest { Query = "{ items(first: 50) { name } }", Admission = admission });

        // items costs 1 and its name 1, times the page size of 50.
        Assert.Equal([100L], admission.Costs);
        Assert.Empty(result.Errors);
        Assert.All(JsonDocument.Parse(result.ToJson()).RootElement.GetProperty("data").GetProperty("items").EnumerateArray(),
            item => Assert.Equal("held", item.GetProperty("name").GetString()));
        Assert.False(admission.Held);
    }

    [Fact]
    public async Task A_refused_operation_runs_no_resolver_and_fails_with_SERVER_BUSY()
    {
        var resolved = 0;
        var schema = BuildSchema(() => Interlocked.Increment(ref resolved) > 0);

        var result = await Executor.ExecuteAsync(schema, new ExecutionRequest { Query = "{ items(first: 3) { name } }", Admission = new RecordingAdmission(admit: false) });

        Assert.False(result.ExecutionStarted);
        Assert.Equal(ErrorCodes.ServerBusy, Assert.Single(result.Errors).Code);
        Assert.Equal(0, resolved);
    }

    [Fact]
    public async Task Over_HTTP_a_refused_operation_is_503_with_Retry_After()
    {
        await using var server = await GraphQLTestServer.StartAsync(admission: new RecordingAdmission(admit: false));
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint)
        {
            Content = new StringContent("""{"query":"{ hello }"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("SERVER_BUSY", body.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(body.RootElement.TryGetProperty("data", out _));
    }
}
