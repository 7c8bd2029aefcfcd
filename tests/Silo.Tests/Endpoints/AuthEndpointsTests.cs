using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Endpoints;

[Collection(PostgresCollection.Name)]
public sealed class AuthEndpointsTests(PostgresFixture postgres)
{
    private async Task<SiloHost> StartAsync(int attemptsPerMinute = 100) => await SiloHost.StartAsync(
        await postgres.CreateDemoDatabaseAsync(), loadDemoData: true,
        settings: [new("Auth:SignInAttemptsPerMinute", attemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    [Fact]
    public async Task A_token_is_issued_for_the_right_password_and_works_as_a_bearer_token()
    {
        await using var silo = await StartAsync();
        using var client = silo.CreateClient();

        var response = await client.PostAsJsonAsync("/auth/token", new { email = "commissioner@demo.test", password = SiloHost.DemoPassword, name = "quarterly report", expiresInDays = 7 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("token").GetString()!;
        Assert.StartsWith("inc_", token);
        var expiresAt = body.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromDays(6.9), TimeSpan.FromDays(7.1));
        using var authorised = silo.CreateClient(token);
        var revoke = await authorised.DeleteAsync($"/auth/token/{body.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        var again = await authorised.DeleteAsync($"/auth/token/{body.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Fact]
    public async Task Wrong_credentials_get_401_with_a_json_message()
    {
        await using var silo = await StartAsync();
        using var client = silo.CreateClient();

        var wrongPassword = await client.PostAsJsonAsync("/auth/token", new { email = "admin@demo.test", password = "not it" });
        var unknownEmail = await client.PostAsJsonAsync("/auth/token", new { email = "nobody@demo.test", password = "not it" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        var message = (await wrongPassword.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString();
        Assert.Equal(message, (await unknownEmail.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Missing_fields_get_400()
    {
        await using var silo = await StartAsync();
        using var client = silo.CreateClient();

        var response = await client.PostAsJsonAsync("/auth/token", new { email = "admin@demo.test" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password()
    {
        await using var silo = await StartAsync();
        using var client = silo.CreateClient();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized,
                (await client.PostAsJsonAsync("/auth/token", new { email = "provider@demo.test", password = "guess" + i })).StatusCode);
        }

        var fifth = await client.PostAsJsonAsync("/auth/token", new { email = "provider@demo.test", password = "guess5" });
        var right = await client.PostAsJsonAsync("/auth/token", new { email = "provider@demo.test", password = SiloHost.DemoPassword });

        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Contains("locked", (await right.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_rate_limited()
    {
        await using var silo = await StartAsync(attemptsPerMinute: 3);
        using var client = silo.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/auth/token", new { email = $"someone{i}@demo.test", password = "x" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_browser_session_is_a_secure_http_only_lax_cookie_and_signing_out_revokes_it()
    {
        await using var silo = await StartAsync();
        using var client = silo.CreateClient();

        var response = await client.PostAsJsonAsync("/auth/session", new { email = "admin@demo.test", password = SiloHost.DemoPassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("inclusion_session=inc_", cookie);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        var secret = cookie.Split(';')[0].Split('=', 2)[1];
        using var withCookie = silo.CreateClient();
        withCookie.DefaultRequestHeaders.Add("Cookie", $"inclusion_session={secret}");
        Assert.Equal(HttpStatusCode.NoContent, (await withCookie.DeleteAsync("/auth/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await withCookie.DeleteAsync("/auth/token/1")).StatusCode);
    }
}
