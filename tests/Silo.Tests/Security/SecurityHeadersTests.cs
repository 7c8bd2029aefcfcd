using System.Net;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Security;

[Collection(PostgresCollection.Second)]
public sealed class SecurityHeadersTests(PostgresFixture postgres, SharedCountySilo shared) : IClassFixture<SharedCountySilo>
{
    // Tests that only send requests share one Silo; those about start-up or a trusted proxy
    // start their own with those settings.
    private readonly SiloHost silo = shared.Silo;

    [Fact]
    public async Task Pages_and_api_answers_carry_a_strict_content_security_policy_and_the_other_headers()
    {
        using var client = silo.CreateClient();

        foreach (var path in new[] { "/", "/healthz", "/graphql/ui" })
        {
            var response = await client.GetAsync(path);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self';", csp);
            Assert.Contains("style-src 'self';", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }
    }

    [Fact]
    public async Task An_unknown_page_address_gets_page_not_found_with_404_and_api_addresses_a_plain_404()
    {
        using var client = silo.CreateClient();

        var page = await client.GetAsync("/no-such-page?from=2027-01-01");
        var html = await page.Content.ReadAsStringAsync();
        var explorer = await client.GetStringAsync("/graphql/ui");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<title>Page not found – InclusionNetwork – {SharedCountySilo.CountyName}</title>", html);
        Assert.Contains("<script type=\"module\" src=\"/app/pages.js", html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("style=", html);
        Assert.Contains("/app/explorer.js", explorer);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/app/pages.js")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/app/app.js")).StatusCode);
        foreach (var path in new[] { "/calendar/unknown", "/reports/nothing", "/admin/nothing", "/auth/nothing", "/app/missing.js", "/graphql/nothing", "/no-such-page.txt" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsStringAsync());
        }
        var posted = await client.PostAsync("/no-such-page", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Contains("<h1 class=\"govuk-heading-l\">Page not found</h1>", await posted.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Behind_a_trusted_tls_proxy_the_request_counts_as_https_and_gets_hsts_while_an_untrusted_client_cannot_claim_it()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        await using var behindProxy = await SiloHost.StartAsync(database, settings: [new("App:TrustedProxies", "10.0.0.0/8, 127.0.0.1")]);
        // A Silo that trusts no proxy: the shared one.
        var direct = silo;

        var viaProxy = await GetAsync(behindProxy, forwardedProto: "https");
        var plainViaProxy = await GetAsync(behindProxy, forwardedProto: null);
        var claimedDirectly = await GetAsync(direct, forwardedProto: "https");

        Assert.Equal("max-age=31536000; includeSubDomains", string.Join(",", viaProxy.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(plainViaProxy.Headers.Contains("Strict-Transport-Security"));
        Assert.False(claimedDirectly.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_trusted_proxy_that_is_neither_an_address_nor_a_network_stops_start_up_naming_it()
    {
        var error = await Assert.ThrowsAsync<StartupConfigurationException>(async () =>
            await SiloHost.StartAsync(await postgres.CreateMigratedDatabaseAsync(), settings: [new("App:TrustedProxies", "proxy.internal")]));

        Assert.Contains("App:TrustedProxies", error.Message);
        Assert.Contains("proxy.internal", error.Message);
    }

    private static async Task<HttpResponseMessage> GetAsync(SiloHost silo, string? forwardedProto)
    {
        using var client = silo.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
            request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        }
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }
}
