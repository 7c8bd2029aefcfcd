using System.Net;
using System.Text.RegularExpressions;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Web;

/// <summary>The server-rendered pages over plain HTTP: their forms, their session and their limits.</summary>
[Collection(PostgresCollection.Second)]
public sealed partial class PagesTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_sign_in_form_needs_its_token_sets_the_session_cookie_and_returns_only_to_a_local_path()
    {
        await using var silo = await SiloHost.StartAsync(await postgres.CreateDemoDatabaseAsync(), loadDemoData: true);
        using var client = Client(silo);

        var noToken = await client.PostAsync("/sign-in", Form(("email", "admin@demo.test"), ("password", SiloHost.DemoPassword)));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.False(noToken.Headers.TryGetValues("Set-Cookie", out var refusedCookies) && refusedCookies.Any(c => c.StartsWith("inclusion_session=", StringComparison.Ordinal)));

        var (antiforgeryCookie, token) = await FormTokenAsync(client, "/sign-in?returnTo=//elsewhere.example/");
        var wrong = await PostAsync(client, "/sign-in", antiforgeryCookie, ("__RequestVerificationToken", token), ("email", "admin@demo.test"), ("password", "not it"));
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("<title>Error: Sign in – InclusionNetwork – ", wrongHtml);
        Assert.Contains("<a href=\"#email\">The email address or password is not right.</a>", wrongHtml);
        Assert.Contains("value=\"admin@demo.test\"", wrongHtml);
        Assert.DoesNotContain("not it", wrongHtml);

        var right = await PostAsync(client, "/sign-in", antiforgeryCookie, ("__RequestVerificationToken", token), ("returnTo", "//elsewhere.example/"),
            ("email", "admin@demo.test"), ("password", SiloHost.DemoPassword));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/", right.Headers.Location?.OriginalString);
        var session = Assert.Single(right.Headers.GetValues("Set-Cookie"), c => c.StartsWith("inclusion_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);

        using var home = new HttpRequestMessage(HttpMethod.Get, "/");
        home.Headers.Add("Cookie", session.Split(';')[0]);
        var signedIn = await (await client.SendAsync(home)).Content.ReadAsStringAsync();
        Assert.Contains("Sign out<span class=\"govuk-visually-hidden\">", signedIn);
        Assert.Contains("href=\"/dashboard\"", signedIn);
    }

    [Fact]
    public async Task A_page_document_is_held_to_the_graphql_request_limits_and_a_refused_one_gets_the_service_problem_page()
    {
        await using var silo = await SiloHost.StartAsync(await postgres.CreateMigratedDatabaseAsync(), settings: [new("GraphQL:Limits:MaxCost", "5")]);
        using var client = Client(silo);

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1 class=\"govuk-heading-l\">Sorry, there is a problem with the service</h1>", html);
        Assert.DoesNotContain("Exception", html);
    }

    [Fact]
    public async Task Razor_pages_win_their_addresses_and_every_other_address_gets_page_not_found()
    {
        await using var silo = await SiloHost.StartAsync(await postgres.CreateMigratedDatabaseAsync(), settings: [new("App:CountyName", "Testshire County Council")]);
        using var client = Client(silo);

        var course = await client.GetAsync("/courses/42");
        var courseHtml = await course.Content.ReadAsStringAsync();
        var unknown = await client.GetAsync("/no-such-page");
        var unknownHtml = await unknown.Content.ReadAsStringAsync();
        var signIn = await client.GetStringAsync("/sign-in");

        Assert.Equal(HttpStatusCode.NotFound, course.StatusCode);
        Assert.Contains("<title>Course not found – InclusionNetwork – Testshire County Council</title>", courseHtml);
        Assert.Contains("<script type=\"module\" src=\"/app/pages.js", courseHtml);
        Assert.DoesNotContain("<script>", courseHtml);
        Assert.DoesNotContain("style=", courseHtml);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("<title>Page not found – InclusionNetwork – Testshire County Council</title>", unknownHtml);
        Assert.Contains("<h1 class=\"govuk-heading-l\">Page not found</h1>", unknownHtml);
        Assert.Contains("name=\"__RequestVerificationToken\"", signIn);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/app/pages.js")).StatusCode);

        // Pages only for signed-in people send a visitor to sign in and back.
        foreach (var path in new[] { "/admin/accounts?search=a", "/admin/accounts/1", "/admin/leaders", "/leaders/1", "/admin/outbox", "/invitations", "/invitations/new", "/account/tokens",
            "/runs/1/book", "/runs/1/register", "/school/bookings", "/my/bookings", "/my/bookings/1", "/provider", "/calendars" })
        {
            var refused = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/sign-in?returnTo=" + Uri.EscapeDataString(path), refused.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task The_people_pages_answer_a_dead_invitation_link_plainly_and_show_a_reset_refusal_on_the_password_field()
    {
        await using var silo = await SiloHost.StartAsync(await postgres.CreateMigratedDatabaseAsync());
        using var client = Client(silo);

        var invitation = await client.GetAsync("/invitations/not-a-real-token");
        Assert.Equal(HttpStatusCode.NotFound, invitation.StatusCode);
        Assert.Contains("This invitation link does not work", await invitation.Content.ReadAsStringAsync());

        var signIn = await client.GetStringAsync("/sign-in");
        Assert.Contains("<a class=\"govuk-link\" href=\"/forgotten-password\">Forgotten your password?</a>", signIn);

        var (cookie, token) = await FormTokenAsync(client, "/reset-password/not-a-real-token");
        var reset = await PostAsync(client, "/reset-password/not-a-real-token", cookie, ("__RequestVerificationToken", token), ("password", "a long enough new password"));
        var html = await reset.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("<title>Error: Set a new password – InclusionNetwork – ", html);
        Assert.Matches("<li><a href=\"#password\">[^<]+</a></li>", html);
        Assert.Contains("id=\"password-error\"", html);

        var (requestCookie, requestToken) = await FormTokenAsync(client, "/forgotten-password");
        var requested = await PostAsync(client, "/forgotten-password", requestCookie, ("__RequestVerificationToken", requestToken), ("email", "nobody@example.test"));
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        Assert.Equal("/forgotten-password", requested.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_form_drawn_by_one_silo_is_accepted_by_another_on_the_same_database()
    {
        var database = await postgres.CreateDemoDatabaseAsync();
        await using var first = await SiloHost.StartAsync(database, loadDemoData: true);
        await using var second = await SiloHost.StartAsync(database);
        using var toFirst = Client(first);
        using var toSecond = Client(second);

        // Behind a load balancer the page and its post can reach different silos: the key that
        // protects the form's token is in the shared database, so the second silo can read it.
        var (cookie, token) = await FormTokenAsync(toFirst, "/sign-in");
        var posted = await PostAsync(toSecond, "/sign-in", cookie, ("__RequestVerificationToken", token),
            ("email", "admin@demo.test"), ("password", SiloHost.DemoPassword));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains(posted.Headers.GetValues("Set-Cookie"), c => c.StartsWith("inclusion_session=", StringComparison.Ordinal));
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(database);
        await using var keys = dataSource.CreateCommand("SELECT count(*) FROM data_protection_keys");
        Assert.Equal(1L, await keys.ExecuteScalarAsync());
    }

    private static HttpClient Client(SiloHost silo) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = silo.BaseAddress };

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    /// <summary>The antiforgery cookie and the form's hidden token, as a browser would get them from the page.</summary>
    private static async Task<(string Cookie, string Token)> FormTokenAsync(HttpClient client, string path)
    {
        var page = await client.GetAsync(path);
        var cookie = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("inclusion_antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        var token = HiddenToken().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEmpty(token);
        return (cookie, token);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string cookie, params (string Key, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Form(fields) };
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex HiddenToken();
}
