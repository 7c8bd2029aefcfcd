using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.People;

/// <summary>requestPasswordReset and resetPassword over HTTP, with the email received by a real SMTP server.</summary>
[Collection(PostgresCollection.Second)]
public sealed class PasswordResetTests(PostgresFixture postgres)
{
    private const string Request = "mutation($email: String!) { requestPasswordReset(input: { email: $email }) { accepted errors { code message } } }";

    private const string Reset = """
        mutation($token: String!, $password: String!) { resetPassword(input: { token: $token, password: $password }) {
          account { email active } errors { code path } } }
        """;

    private const string NewPassword = "copper lantern meadow 17";

    [Fact]
    public async Task The_answer_is_the_same_and_as_slow_whether_or_not_the_address_has_an_account()
    {
        await using var world = await PeopleWorld.StartAsync(postgres, new KeyValuePair<string, string>("People:PasswordResetAnswerTime", "00:00:00.5"));
        using var anonymous = world.Silo.CreateClient();

        async Task<(string Body, TimeSpan Took)> AskAsync(string email)
        {
            var started = Stopwatch.GetTimestamp();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Request, variables = new { email } }) };
            var response = await anonymous.SendAsync(request);
            return (await response.Content.ReadAsStringAsync(), Stopwatch.GetElapsedTime(started));
        }

        var known = await AskAsync("commissioner@demo.test");
        var unknown = await AskAsync("nobody.here@demo.test");
        var malformed = await AskAsync("not an address");

        Assert.Equal(known.Body, unknown.Body);
        Assert.Equal(known.Body, malformed.Body);
        Assert.Contains("\"accepted\":true", known.Body);
        Assert.All(new[] { known.Took, unknown.Took, malformed.Took }, took => Assert.True(took >= TimeSpan.FromMilliseconds(500), $"answered after {took}"));
        await world.LinkSentToAsync("commissioner@demo.test", "reset-password");
        Assert.Equal(1L, await world.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE kind = 'PASSWORD_RESET'"));
    }

    [Fact]
    public async Task A_reset_sets_the_password_revokes_every_session_and_token_and_works_once()
    {
        await using var world = await PeopleWorld.StartAsync(postgres);
        using var before = await world.Silo.SignInAsync("provider@demo.test");
        Assert.Equal("provider@demo.test", (await before.GraphQLAsync("{ me { email } }")).Get("me.email").GetString());
        using var anonymous = world.Silo.CreateClient();

        Assert.True((await anonymous.GraphQLAsync(Request, new { email = "Provider@Demo.Test" })).Get("requestPasswordReset.accepted").GetBoolean());
        var (message, token) = await world.LinkSentToAsync("provider@demo.test", "reset-password");
        Assert.Contains("The link works once", message.TextBody);

        Assert.Equal(["PASSWORD_TOO_SHORT"], (await anonymous.GraphQLAsync(Reset, new { token, password = "tiny" })).UserErrorCodes("resetPassword"));
        var reset = await anonymous.GraphQLAsync(Reset, new { token, password = NewPassword });

        Assert.Empty(reset.UserErrorCodes("resetPassword"));
        Assert.Equal("provider@demo.test", reset.Get("resetPassword.account.email").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.PostAsJsonAsync("/graphql", new { query = "{ me { email } }" })).StatusCode);
        var oldPassword = await anonymous.PostAsJsonAsync("/auth/token", new { email = "provider@demo.test", password = SiloHost.DemoPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        using var after = await world.Silo.SignInAsync("provider@demo.test", NewPassword);
        Assert.Equal("provider@demo.test", (await after.GraphQLAsync("{ me { email } }")).Get("me.email").GetString());
        Assert.Equal(["INVALID_TOKEN"], (await anonymous.GraphQLAsync(Reset, new { token, password = "another long phrase 99" })).UserErrorCodes("resetPassword"));
    }

    [Fact]
    public async Task A_reset_link_lapses_after_an_hour()
    {
        await using var world = await PeopleWorld.StartAsync(postgres);
        using var anonymous = world.Silo.CreateClient();
        await anonymous.GraphQLAsync(Request, new { email = "commissioner@demo.test" });
        var (_, token) = await world.LinkSentToAsync("commissioner@demo.test", "reset-password");

        world.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        Assert.Equal(["INVALID_TOKEN"], (await anonymous.GraphQLAsync(Reset, new { token, password = NewPassword })).UserErrorCodes("resetPassword"));
        using var stillOld = await world.Silo.SignInAsync("commissioner@demo.test");
    }

    [Fact]
    public async Task Asking_again_and_again_sends_at_most_three_links_an_hour()
    {
        await using var world = await PeopleWorld.StartAsync(postgres, new KeyValuePair<string, string>("People:PasswordResetAnswerTime", "00:00:00"));
        using var anonymous = world.Silo.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            Assert.True((await anonymous.GraphQLAsync(Request, new { email = "commissioner@demo.test" })).Get("requestPasswordReset.accepted").GetBoolean());
        }

        Assert.Equal(3L, await world.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE kind = 'PASSWORD_RESET'"));
    }
}
