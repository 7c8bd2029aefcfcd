using System.Net;
using System.Net.Http.Json;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Uptake;

/// <summary>
/// Only commissioners and admins read uptake, through GraphQL and the CSV report alike,
/// with a bearer token or a browser session. <c>uptake</c> is non-null, so a refusal is a
/// field error that leaves <c>data</c> null, never an answer that looks like zero uptake.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class UptakeAuthorizationTests(SharedUptakeWorld shared) : IClassFixture<SharedUptakeWorld>
{
    private const string Query = "{ uptake { peerReview(groupBy: COUNTY) { group schools } } }";
    private const string Report = "/reports/uptake.csv?measure=peerReview&groupBy=COUNTY&academicYear=2025/26";

    private readonly UptakeWorld world = shared.World;

    [Theory]
    [InlineData(UptakeWorld.Commissioner)]
    [InlineData(UptakeWorld.Admin)]
    public async Task Commissioners_and_admins_read_uptake(string email)
    {
        var client = await world.AsAsync(email);
        var response = await client.GraphQLAsync(Query);
        Assert.Equal(8, response.Get("uptake.peerReview.0.schools").GetInt32());
        var csv = await client.GetAsync(Report);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_are_told_to_sign_in()
    {
        using var client = world.Silo.CreateClient();
        var response = await client.GraphQLAsync(Query);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Data.ValueKind);
        var error = Assert.Single(response.Errors);
        Assert.Equal("UNAUTHENTICATED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("uptake", error.GetProperty("path")[0].GetString());

        var csv = await client.GetAsync(Report);
        Assert.Equal(HttpStatusCode.Unauthorized, csv.StatusCode);
        Assert.DoesNotContain("County", await csv.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(UptakeWorld.Provider)]
    [InlineData(UptakeWorld.Booker)]
    public async Task Other_roles_are_forbidden(string email)
    {
        var client = await world.AsAsync(email);
        var response = await client.GraphQLAsync(Query);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Data.ValueKind);
        var error = Assert.Single(response.Errors);
        Assert.Equal("FORBIDDEN", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("Only commissioners and admins may read uptake figures.", error.GetProperty("message").GetString());

        var csv = await client.GetAsync(Report);
        Assert.Equal(HttpStatusCode.Forbidden, csv.StatusCode);
        Assert.DoesNotContain("County", await csv.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_browser_session_cookie_serves_the_report()
    {
        using var anonymous = world.Silo.CreateClient();
        var signIn = await anonymous.PostAsJsonAsync("/auth/session", new { email = UptakeWorld.Commissioner, password = UptakeWorld.Password });
        Assert.True(signIn.IsSuccessStatusCode, $"Sign-in answered {(int)signIn.StatusCode}.");
        // The cookie is Secure, which a client keeps for https only: carry it by hand, as a browser would over TLS.
        var session = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("inclusion_session=", StringComparison.Ordinal)).Split(';')[0];
        using var browser = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = world.Silo.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, Report);
        request.Headers.Add("Cookie", session);
        var csv = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("group,schools,", await csv.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_malformed_academic_year_is_a_bad_user_input_error()
    {
        var client = await world.AsAsync(UptakeWorld.Commissioner);
        var response = await client.GraphQLAsync("{ uptake { training(groupBy: DISTRICT, academicYear: \"2025-26\") { group } } }");
        var error = Assert.Single(response.Errors);
        Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("2025/26", error.GetProperty("message").GetString());
        // 2025/27 is not a year either: the second part must follow the first.
        response = await client.GraphQLAsync("{ uptake { evaluations(academicYear: \"2025/27\") { responses } } }");
        Assert.Equal("BAD_USER_INPUT", Assert.Single(response.Errors).GetProperty("extensions").GetProperty("code").GetString());
        response = await client.GraphQLAsync("{ uptake { training(groupBy: COUNTY, courseId: \"course-1\") { group } } }");
        Assert.Equal("BAD_USER_INPUT", Assert.Single(response.Errors).GetProperty("extensions").GetProperty("code").GetString());
    }
}
