using System.Net;
using System.Net.Http.Json;
using InclusionNetwork.Silo.Security;
using InclusionNetwork.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace InclusionNetwork.Silo.Tests.Security;

public sealed class CrossSiteRequestProtectionRulesTests
{
    private static readonly CrossSiteRequestProtection Protection = new(_ => Task.CompletedTask,
        new ConfigurationBuilder().AddInMemoryCollection([new("App:PublicBaseUrl", "https://inclusion.example")]).Build());

    private static HttpRequest Request(string method, params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Host = new HostString("localhost:5080");
        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }
        return context.Request;
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    public void Safe_methods_pass_even_from_another_site(string method) =>
        Assert.True(Protection.Allows(Request(method, ("Sec-Fetch-Site", "cross-site"), ("Origin", "https://evil.example"))));

    [Theory]
    [InlineData("same-origin", true)]
    [InlineData("none", true)]
    [InlineData("same-site", false)]
    [InlineData("cross-site", false)]
    public void Sec_Fetch_Site_decides_for_browsers_that_send_it(string site, bool allowed) =>
        Assert.Equal(allowed, Protection.Allows(Request("POST", ("Sec-Fetch-Site", site))));

    [Fact]
    public void A_cross_site_fetch_header_wins_over_a_forged_looking_same_host_origin() =>
        Assert.False(Protection.Allows(Request("DELETE", ("Sec-Fetch-Site", "cross-site"), ("Origin", "http://localhost:5080"))));

    [Theory]
    [InlineData("http://localhost:5080", true)]
    [InlineData("https://evil.example", false)]
    [InlineData("null", false)]
    public void Without_Sec_Fetch_Site_the_Origin_must_be_this_host(string origin, bool allowed) =>
        Assert.Equal(allowed, Protection.Allows(Request("POST", ("Origin", origin))));

    [Fact]
    public void The_configured_public_address_is_trusted_behind_a_proxy() =>
        Assert.True(Protection.Allows(Request("POST", ("Sec-Fetch-Site", "cross-site"), ("Origin", "https://inclusion.example"))));

    [Fact]
    public void Programs_that_send_no_browser_headers_pass() =>
        Assert.True(Protection.Allows(Request("POST")));

    [Fact]
    public void Bearer_tokens_pass_because_no_other_site_can_attach_one() =>
        Assert.True(Protection.Allows(Request("POST", ("Authorization", "Bearer inc_x"), ("Sec-Fetch-Site", "cross-site"))));
}

[Collection(PostgresCollection.Second)]
public sealed class CrossSiteRequestProtectionTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_cross_site_sign_in_or_sign_out_is_refused_and_a_same_origin_one_works()
    {
        await using var silo = await SiloHost.StartAsync(await postgres.CreateDemoDatabaseAsync(), loadDemoData: true);
        using var client = silo.CreateClient();
        var credentials = new { email = "admin@demo.test", password = SiloHost.DemoPassword };

        using var crossSite = new HttpRequestMessage(HttpMethod.Post, "/auth/session") { Content = JsonContent.Create(credentials) };
        crossSite.Headers.Add("Origin", "https://evil.example");
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        var refused = await client.SendAsync(crossSite);

        using var sameOrigin = new HttpRequestMessage(HttpMethod.Post, "/auth/session") { Content = JsonContent.Create(credentials) };
        sameOrigin.Headers.Add("Origin", silo.BaseAddress.GetLeftPart(UriPartial.Authority));
        sameOrigin.Headers.Add("Sec-Fetch-Site", "same-origin");
        var accepted = await client.SendAsync(sameOrigin);
        var cookie = Assert.Single(accepted.Headers.GetValues("Set-Cookie")).Split(';')[0];

        using var crossSiteSignOut = new HttpRequestMessage(HttpMethod.Delete, "/auth/session");
        crossSiteSignOut.Headers.Add("Cookie", cookie);
        crossSiteSignOut.Headers.Add("Sec-Fetch-Site", "same-site");
        var signOutRefused = await client.SendAsync(crossSiteSignOut);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Cross-site", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, signOutRefused.StatusCode);
    }
}
