using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InclusionNetwork.Silo.Tests.Errors;

/// <summary>
/// Malformed requests get a 4xx that names the problem; unexpected failures get a plain
/// problem response with a trace id. Neither ever carries a stack trace or the caller's
/// credentials, even in Development, where ASP.NET Core would show its exception page.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ErrorResponsesTests(PostgresFixture postgres, SharedDevelopmentSilo development) : IClassFixture<SharedDevelopmentSilo>
{
    private const string SessionCookie = "session-cookie-that-must-never-be-echoed";

    private readonly SiloHost silo = development.Silo;

    public static TheoryData<string, byte[]> MalformedBodies => new()
    {
        { "a byte that is not UTF-8 in a variable", Bytes("{\"query\":\"query($a: String) { __typename }\",\"variables\":{\"a\":\"x", 0xFF, "y\"}}") },
        { "a truncated UTF-8 sequence in the query", Bytes("{\"query\":\"{ __typename } #", 0xE2, 0x82, "\"}") },
        { "an encoded surrogate (CESU-8) in a property name", Bytes("{\"query\":\"{ __typename }\",\"variables\":{\"", 0xED, 0xA0, 0x80, "\":1}}") },
        { "an escaped lone surrogate in a variable", Bytes("{\"query\":\"query($a: String) { __typename }\",\"variables\":{\"a\":\"\\ud800\"}}") },
        { "an escaped lone low surrogate in the query", Bytes("{\"query\":\"{ __typename } # \\udc00\"}") },
        { "an escaped lone surrogate in the operation name", Bytes("{\"query\":\"{ __typename }\",\"operationName\":\"\\ud83d\"}") },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_graphql_body_with_text_that_is_not_well_formed_is_a_400_naming_the_problem(string what, byte[] body)
    {
        using var client = silo.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        await AddCredentialsAsync(silo, request);

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {text}");
        var error = JsonDocument.Parse(text).RootElement.GetProperty("errors")[0];
        Assert.Equal("BAD_REQUEST", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("UTF-8", error.GetProperty("message").GetString());
        AssertNothingLeaks(text);
    }

    [Fact]
    public async Task A_query_string_variable_with_an_escaped_lone_surrogate_is_a_400()
    {
        using var client = silo.CreateClient();

        using var response = await client.GetAsync(
            "/graphql?query=" + Uri.EscapeDataString("query($a: String) { __typename }") + "&variables=" + Uri.EscapeDataString("{\"a\":\"\\ud800\"}"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_REQUEST", JsonDocument.Parse(text).RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_unexpected_failure_in_development_is_a_plain_problem_with_a_trace_id_and_no_stack_or_headers()
    {
        // This test drops a table under the Silo, so it breaks a Silo and database of its own.
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        await using var silo = await SharedDevelopmentSilo.StartAsync(connectionString);
        using var client = silo.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        await AddCredentialsAsync(silo, request);
        // Every request with a token looks it up; without its table, that lookup fails in a
        // way no code expects, which is exactly the path under test.
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            await using var drop = dataSource.CreateCommand("DROP TABLE access_tokens CASCADE");
            await drop.ExecuteNonQueryAsync();
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal("Unexpected error.", problem.GetProperty("title").GetString());
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("traceId").GetString()));
        AssertNothingLeaks(text);
        Assert.DoesNotContain("access_tokens", text);
    }

    [Fact]
    public async Task A_malformed_json_body_on_another_endpoint_in_development_is_a_400_problem_without_the_developer_page()
    {
        using var client = silo.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/token")
        {
            Content = new ByteArrayContent(Bytes("{\"email\": \"admin@demo.test\", \"password\": ", 0xFF)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        await AddCredentialsAsync(silo, request);

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, JsonDocument.Parse(text).RootElement.GetProperty("status").GetInt32());
        AssertNothingLeaks(text);
    }

    /// <summary>The bearer token of a real account, so the request is served as someone whose secret must not leak.</summary>
    private string bearerToken = "";

    private async Task AddCredentialsAsync(SiloHost silo, HttpRequestMessage request)
    {
        var accounts = silo.Services.GetRequiredService<AccountService>();
        var email = $"caller-{Guid.NewGuid():N}@example.test";
        await accounts.CreateAsync(new NewAccount(email, "A Caller", "a long enough password for tests", [Role.COMMISSIONER]));
        var signedIn = Assert.IsType<SignInOutcome.SignedIn>(
            await accounts.SignInAsync(email, "a long enough password for tests", "127.0.0.1", AccessTokenKind.PERSONAL, "errors test"));
        bearerToken = signedIn.Token.Secret;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        request.Headers.Add("Cookie", $"inclusion_session={SessionCookie}");
    }

    private void AssertNothingLeaks(string body)
    {
        Assert.NotEqual("", bearerToken);
        Assert.DoesNotContain(bearerToken, body);
        Assert.DoesNotContain(SessionCookie, body);
        Assert.DoesNotContain("Authorization", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
    }

    private static byte[] Bytes(params object[] parts)
    {
        var bytes = new List<byte>();
        foreach (var part in parts)
        {
            if (part is string text)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text));
            }
            else
            {
                bytes.Add(Convert.ToByte(part, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return [.. bytes];
    }
}
