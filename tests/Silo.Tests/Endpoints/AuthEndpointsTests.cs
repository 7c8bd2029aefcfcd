using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Endpoints;

[Collection(PostgresCollection.Name)]
public sealed class AuthEndpointsTests(PostgresFixture postgres, SharedDemoSilo shared) : IClassFixture<SharedDemoSilo>
{
    // Tests that only sign in, read or revoke their own tokens share one Silo; those about
    // limits and throttling start their own, with their settings and counters fresh.
    private readonly SiloHost silo = shared.Silo;

    private async Task<SiloHost> StartAsync(int attemptsPerMinute = 100) => await SiloHost.StartAsync(
        await postgres.CreateDemoDatabaseAsync(), loadDemoData: true,
        settings: [new("Auth:SignInAttemptsPerMinute", attemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    [Fact]
    public async Task A_token_is_issued_for_the_right_password_and_works_as_a_bearer_token()
    {
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
        using var client = silo.CreateClient();

        var response = await client.PostAsJsonAsync("/auth/token", new { email = "admin@demo.test" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<(SiloHost Silo, ManualClock Clock)> StartThrottledAsync(int perEmail, int perAddress)
    {
        var clock = new ManualClock(Bookings.BookingWorld.Today);
        var silo = await SiloHost.StartAsync(await postgres.CreateDemoDatabaseAsync(Bookings.BookingWorld.Today), loadDemoData: true, clock: clock,
            settings:
            [
                new("Auth:SignInAttemptsPerMinute", "1000"),
                new("Auth:FailedSignInsBeforeDelay", perEmail.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("Auth:FailedSignInsPerAddressBeforeDelay", perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("App:TrustedProxies", "127.0.0.1"),
            ]);
        return (silo, clock);
    }

    private static async Task<(HttpStatusCode Status, string Message, string? RetryAfter)> SignInAsync(
        HttpClient client, string email, string password, string clientAddress = "203.0.113.1")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/token") { Content = JsonContent.Create(new { email, password }) };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body.TryGetProperty("message", out var m) ? m.GetString()! : "",
            response.Headers.TryGetValues("Retry-After", out var retry) ? retry.Single() : null);
    }

    [Fact]
    public async Task Repeated_failures_slow_the_next_attempt_alike_for_known_and_unknown_emails_and_never_lock_the_owner_out()
    {
        var (silo, clock) = await StartThrottledAsync(perEmail: 5, perAddress: 1000);
        await using var _ = silo;
        using var client = silo.CreateClient();
        foreach (var email in new[] { "provider@demo.test", "nobody@demo.test" })
        {
            for (var i = 0; i < 5; i++)
            {
                var failed = await SignInAsync(client, email, "guess" + i);
                Assert.Equal((HttpStatusCode.Unauthorized, "The email address or password is not right.", (string?)null), failed);
            }
        }

        // Inside the wait every attempt gets the same answer, known account or not, right password or not.
        var knownSlowed = await SignInAsync(client, "provider@demo.test", SiloHost.DemoPassword);
        var unknownSlowed = await SignInAsync(client, "nobody@demo.test", "anything");
        Assert.Equal(HttpStatusCode.TooManyRequests, knownSlowed.Status);
        Assert.Equal(knownSlowed, unknownSlowed);
        Assert.Equal("1", knownSlowed.RetryAfter);
        Assert.DoesNotContain("lock", knownSlowed.Message, StringComparison.OrdinalIgnoreCase);

        // The wait doubles with each further failure, the same for both.
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, "provider@demo.test", "guess6")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, "nobody@demo.test", "guess6")).Status);
        var knownLonger = await SignInAsync(client, "provider@demo.test", SiloHost.DemoPassword);
        Assert.Equal((HttpStatusCode.TooManyRequests, "2"), (knownLonger.Status, knownLonger.RetryAfter));
        Assert.Equal(knownLonger, await SignInAsync(client, "nobody@demo.test", "anything"));

        // Once the wait is over the owner's right password works: no fifteen-minute lock.
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.Created, (await SignInAsync(client, "provider@demo.test", SiloHost.DemoPassword)).Status);
        // Success forgets the failures: the next wrong guess is an ordinary 401 again.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, "provider@demo.test", "guess7")).Status);
        Assert.Equal(HttpStatusCode.Created, (await SignInAsync(client, "provider@demo.test", SiloHost.DemoPassword)).Status);
    }

    [Fact]
    public async Task A_client_address_that_keeps_failing_is_slowed_for_every_account_while_other_addresses_are_not()
    {
        var (silo, _) = await StartThrottledAsync(perEmail: 1000, perAddress: 3);
        await using var __ = silo;
        using var client = silo.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, $"someone{i}@demo.test", "guess", "203.0.113.7")).Status);
        }

        var slowed = await SignInAsync(client, "admin@demo.test", SiloHost.DemoPassword, "203.0.113.7");
        var elsewhere = await SignInAsync(client, "admin@demo.test", SiloHost.DemoPassword, "203.0.113.8");

        Assert.Equal(HttpStatusCode.TooManyRequests, slowed.Status);
        Assert.Equal(HttpStatusCode.Created, elsewhere.Status);
    }

    [Fact]
    public async Task A_wrong_password_takes_about_as_long_for_an_unknown_email_as_for_a_known_one()
    {
        var (silo, _) = await StartThrottledAsync(perEmail: 1000, perAddress: 1000);
        await using var _ = silo;
        using var client = silo.CreateClient();
        await SignInAsync(client, "admin@demo.test", "warm-up");
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 8; i++)
        {
            known.Add(await TimeAsync(() => SignInAsync(client, "admin@demo.test", "wrong" + i)));
            unknown.Add(await TimeAsync(() => SignInAsync(client, $"nobody{i}@demo.test", "wrong" + i)));
        }

        var ratio = Median(unknown) / Median(known);
        Assert.InRange(ratio, 0.5, 2.0);
    }

    private static async Task<double> TimeAsync(Func<Task<(HttpStatusCode, string, string?)>> attempt)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (status, _, _) = await attempt();
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

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

        // A browser posting the sign-in form from that address is shown a page, still 429; API clients keep JSON.
        using var form = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent([new("email", "someone@demo.test"), new("password", "x")]),
        };
        form.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var page = await client.SendAsync(form);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("60", page.Headers.RetryAfter?.ToString());
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<title>Too many attempts to sign in – InclusionNetwork", html);
        Assert.Contains("govuk-heading-l\">Too many attempts to sign in</h1>", html);
        Assert.Contains("Wait a minute, then", html);
        Assert.Contains("href=\"/sign-in\"", html);
        using var api = await client.PostAsJsonAsync("/auth/session", new { email = "someone@demo.test", password = "x" });
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Contains("Too many sign-in attempts", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_browser_session_is_a_secure_http_only_lax_cookie_and_signing_out_revokes_it()
    {
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
