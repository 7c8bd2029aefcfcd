using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using InclusionNetwork.GraphQL.Engine.Limits;

namespace InclusionNetwork.GraphQL.Engine.Tests.Http;

public sealed class GraphQLHttpEndpointTests : IAsyncLifetime
{
    private const string GraphQLResponse = "application/graphql-response+json";

    /// <summary>
    /// Audits where graphql-http and the current draft disagree; empty, because the endpoint
    /// meets every audit. Asserted exactly, so the list cannot grow unnoticed.
    /// </summary>
    private static readonly string[] AcceptedAuditDeviations = [];

    private readonly HttpClient _client = new();
    private GraphQLTestServer _server = null!;

    public async Task InitializeAsync() => _server = await GraphQLTestServer.StartAsync(RequestLimits.Default with { MaxRequestBodyBytes = 4096, MaxDepth = 3 });

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Passes_the_graphql_http_audit_without_errors_or_warnings()
    {
        var output = await NodeProject.RunNodeAsync("audit.mjs", _server.Endpoint.ToString());
        using var results = JsonDocument.Parse(output);
        var problems = results.RootElement.EnumerateArray()
            .Where(r => r.GetProperty("status").GetString() != "ok")
            .Select(r => $"{r.GetProperty("id").GetString()} {r.GetProperty("status").GetString()}: {r.GetProperty("name").GetString()} ({r.GetProperty("reason")})")
            .ToArray();

        Assert.True(results.RootElement.GetArrayLength() > 50);
        Assert.Equal(AcceptedAuditDeviations, problems);
    }

    [Fact]
    public async Task Post_answers_in_the_accepted_media_type()
    {
        var graphql = await PostAsync("{\"query\":\"{ hello }\"}", GraphQLResponse);
        Assert.Equal(HttpStatusCode.OK, graphql.StatusCode);
        Assert.Equal(GraphQLResponse, graphql.Content.Headers.ContentType!.MediaType);
        Assert.Equal("{\"data\":{\"hello\":\"world\"}}", await graphql.Content.ReadAsStringAsync());

        var legacy = await PostAsync("{\"query\":\"{ hello }\"}", accept: null);
        Assert.Equal("application/json", legacy.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", legacy.Content.Headers.ContentType.CharSet);

        var preferred = await PostAsync("{\"query\":\"{ hello }\"}", "application/json;q=0.5, application/graphql-response+json");
        Assert.Equal(GraphQLResponse, preferred.Content.Headers.ContentType!.MediaType);

        Assert.Equal(HttpStatusCode.NotAcceptable, (await PostAsync("{\"query\":\"{ hello }\"}", "text/html")).StatusCode);
    }

    [Fact]
    public async Task Request_errors_are_400_for_graphql_response_json_and_200_for_json()
    {
        foreach (var body in new[]
        {
            "{\"query\":\"{ hello\"}",
            "{\"query\":\"{ nope }\"}",
            "{\"query\":\"query($v: Int!) { double(value: $v) }\",\"variables\":{\"v\":\"x\"}}",
        })
        {
            var strict = await PostAsync(body, GraphQLResponse);
            Assert.Equal(HttpStatusCode.BadRequest, strict.StatusCode);
            using var strictJson = JsonDocument.Parse(await strict.Content.ReadAsStringAsync());
            Assert.False(strictJson.RootElement.TryGetProperty("data", out _));

            var legacy = await PostAsync(body, "application/json");
            Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
        }

        var executed = await PostAsync("{\"query\":\"{ node { child { name } } }\"}", GraphQLResponse);
        Assert.Equal(HttpStatusCode.OK, executed.StatusCode);
    }

    [Fact]
    public async Task Malformed_requests_get_4xx()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("{ not json", GraphQLResponse)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("{\"operationName\":null}", GraphQLResponse)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("{\"query\":1}", GraphQLResponse)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("{\"query\":\"{ hello }\",\"variables\":[]}", GraphQLResponse)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await PostAsync("{\"query\":\"{ hello }\"}", GraphQLResponse, "text/plain")).StatusCode);

        var tooLarge = await PostAsync("{\"query\":\"{ hello }\",\"extensions\":{\"pad\":\"" + new string('x', 5000) + "\"}}", GraphQLResponse);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("REQUEST_TOO_LARGE", await tooLarge.Content.ReadAsStringAsync());

        var put = await _client.PutAsync(_server.Endpoint, new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
        Assert.Equal("GET, POST", put.Content.Headers.Allow.Count > 0 ? string.Join(", ", put.Content.Headers.Allow) : string.Join(", ", put.Headers.GetValues("Allow")));
    }

    [Fact]
    public async Task OnRequestRefused_hears_of_every_request_answered_without_being_executed_whatever_its_status()
    {
        var refused = 0;
        await using var server = await GraphQLTestServer.StartAsync(RequestLimits.Default with { MaxRequestBodyBytes = 4096 },
            onRequestRefused: _ => Interlocked.Increment(ref refused));
        async Task<int> RefusalsAfter(string body, string accept)
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint) { Content = content };
            request.Headers.Accept.ParseAdd(accept);
            (await _client.SendAsync(request)).Dispose();
            return Volatile.Read(ref refused);
        }

        Assert.Equal(0, await RefusalsAfter("{\"query\":\"{ hello }\"}", GraphQLResponse));
        Assert.Equal(0, await RefusalsAfter("{\"query\":\"{ node { child { name } } }\"}", "application/json"));
        Assert.Equal(1, await RefusalsAfter("{\"query\":\"{ hello\"}", GraphQLResponse));
        Assert.Equal(2, await RefusalsAfter("{\"query\":\"{ nope }\"}", "application/json"));
        Assert.Equal(3, await RefusalsAfter("{\"query\":\"query($v: Int!) { double(value: $v) }\",\"variables\":{\"v\":\"x\"}}", GraphQLResponse));
        Assert.Equal(4, await RefusalsAfter("{ not json", GraphQLResponse));
        Assert.Equal(5, await RefusalsAfter("{\"query\":\"{ hello }\",\"extensions\":{\"pad\":\"" + new string('x', 5000) + "\"}}", GraphQLResponse));
    }

    [Fact]
    public async Task Get_runs_queries_but_not_mutations()
    {
        var query = await _client.GetAsync(_server.Endpoint + "?query=" + Uri.EscapeDataString("query($v: Int!) { double(value: $v) }") + "&variables=" + Uri.EscapeDataString("{\"v\":21}"));
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        Assert.Equal("{\"data\":{\"double\":42}}", await query.Content.ReadAsStringAsync());

        var mutation = await _client.GetAsync(_server.Endpoint + "?query=" + Uri.EscapeDataString("mutation { bump }"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, mutation.StatusCode);
        Assert.Equal("POST", string.Join(", ", mutation.Content.Headers.Allow));

        var viaPost = await PostAsync("{\"query\":\"mutation { bump }\"}", GraphQLResponse);
        Assert.Equal("{\"data\":{\"bump\":1}}", await viaPost.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OnRequest_puts_per_request_state_where_resolvers_read_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.Endpoint)
        {
            Content = new StringContent("{\"query\":\"{ viewer }\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Viewer", "ada@demo.test");
        var response = await _client.SendAsync(request);
        Assert.Equal("{\"data\":{\"viewer\":\"ada@demo.test\"}}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Limits_are_reported_before_execution()
    {
        var response = await PostAsync("{\"query\":\"{ node { child { child { child { name } } } } }\"}", GraphQLResponse);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            "{\"errors\":[{\"message\":\"Query depth of at least 4 exceeds the maximum depth of 3.\",\"locations\":[{\"line\":1,\"column\":1}],\"extensions\":{\"code\":\"MAX_DEPTH_EXCEEDED\"}}]}",
            await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? accept, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.Endpoint)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await _client.SendAsync(request);
    }
}
