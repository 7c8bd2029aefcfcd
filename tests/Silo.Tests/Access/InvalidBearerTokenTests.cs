using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InclusionNetwork.Silo.Tests.Bookings;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Access;

/// <summary>
/// A bearer token that stands for no one (revoked, unknown) is refused on /graphql as on
/// /reports: 401 with <c>WWW-Authenticate: Bearer error="invalid_token"</c>, never served as
/// an anonymous caller.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class InvalidBearerTokenTests(PostgresFixture postgres) : IAsyncLifetime
{
    private BookingWorld world = null!;

    public async Task InitializeAsync() => world = await BookingWorld.StartAsync(postgres);

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task A_revoked_or_unknown_bearer_token_gets_401_invalid_token_on_graphql_and_reports()
    {
        var issued = await world.Anonymous.PostAsJsonAsync("/auth/token", new { email = "commissioner@demo.test", password = SiloHost.DemoPassword });
        var token = await issued.Content.ReadFromJsonAsync<JsonElement>();
        using var revoked = world.Silo.CreateClient(token.GetProperty("token").GetString());
        Assert.Equal("commissioner@demo.test", (await revoked.GraphQLAsync("{ me { email } }")).Get("me.email").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await revoked.DeleteAsync($"/auth/token/{token.GetProperty("id").GetString()}")).StatusCode);
        using var unknown = world.Silo.CreateClient("inc_" + new string('x', 43));
        using var malformed = world.Silo.CreateClient("not-a-token");

        foreach (var client in new[] { revoked, unknown, malformed })
        {
            foreach (var response in new[]
            {
                await client.PostAsJsonAsync("/graphql", new { query = "{ me { name } }" }),
                await client.GetAsync("/graphql?query=%7Bme%7Bname%7D%7D"),
                await client.GetAsync("/reports/uptake.csv?measure=training&groupBy=AREA"),
            })
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                var challenge = Assert.Single(response.Headers.WwwAuthenticate);
                Assert.Equal("Bearer", challenge.Scheme);
                Assert.Contains("error=\"invalid_token\"", challenge.Parameter);
                Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString()));
            }
        }

        // No token at all is still an anonymous caller on /graphql, and a plain challenge on /reports.
        Assert.Equal(JsonValueKind.Null, (await world.Anonymous.GraphQLAsync("{ me { name } }")).Get("me").ValueKind);
        var anonymousReport = await world.Anonymous.GetAsync("/reports/uptake.csv?measure=training&groupBy=AREA");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousReport.StatusCode);
        Assert.Equal("Bearer", Assert.Single(anonymousReport.Headers.WwwAuthenticate).ToString());
        // Signing in again with a stale token still in the header works: sign-in takes credentials, not tokens.
        Assert.Equal(HttpStatusCode.Created, (await revoked.PostAsJsonAsync("/auth/token", new { email = "commissioner@demo.test", password = SiloHost.DemoPassword })).StatusCode);
    }
}
