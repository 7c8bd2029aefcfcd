using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Security;

/// <summary>
/// A caller whose GraphQL requests keep being refused is slowed: once its allowance of
/// refusals is spent, each of its requests is held before it is read, and beyond a few held at
/// once it is answered 429. Someone at another address is answered at once meanwhile.
/// </summary>
[Collection(PostgresCollection.Second)]
public sealed class RefusedRequestThrottleTests(PostgresFixture postgres)
{
    private const int SlowDownSeconds = 3;
    private const string Ordinary = "{ areas { id } }";

    [Fact]
    public async Task A_caller_whose_requests_keep_being_refused_is_slowed_and_then_turned_away_while_others_are_answered()
    {
        await using var silo = await SiloHost.StartAsync(await postgres.CreateMigratedDatabaseAsync(), settings:
        [
            new("GraphQL:RefusedRequests:Allowed", "3"),
            // Nothing is forgiven during the test, so the allowance is spent when it says.
            new("GraphQL:RefusedRequests:ForgiveOneEverySeconds", "600"),
            new("GraphQL:RefusedRequests:SlowDownSeconds", SlowDownSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("GraphQL:RefusedRequests:MaxHeldAtOnce", "2"),
        ]);
        using var offender = silo.CreateClient();
        using var neighbour = LoopbackClient.From(IPAddress.Parse("127.0.0.2"), silo.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(neighbour, Ordinary)).StatusCode);

        // Refusals of every kind count, whatever status the response type gives them: a
        // validation error as application/json is 200 with errors, and a syntax error is 400.
        for (var i = 0; i < 3; i++)
        {
            var invalid = await PostAsync(offender, "{ noSuchField }", accept: "application/json");
            Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(offender, "{ areas {")).StatusCode);
        }

        // The allowance is spent: the offender's next requests, good or not, are held before
        // they are read, and the neighbour is answered while they wait.
        var stopwatch = Stopwatch.StartNew();
        var good = PostAsync(offender, Ordinary);
        var bad = PostAsync(offender, "{ areas {");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(neighbour, Ordinary)).StatusCode);

        // Two held at once is the most: a third is told at once to come back, unread.
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        HttpResponseMessage third = null!;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            // The first two may not have reached the silo yet: then this one is held too, and
            // answered after the wait; the next attempt finds two held.
            third = await PostAsync(offender, Ordinary);
            if (third.StatusCode == HttpStatusCode.TooManyRequests)
            {
                break;
            }
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(SlowDownSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), third.Headers.RetryAfter?.ToString());
        Assert.Contains("refused", (await third.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        Assert.False(good.IsCompleted);

        // Once held, each is answered as any request is.
        Assert.Equal(HttpStatusCode.OK, (await good).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await bad).StatusCode);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromSeconds(SlowDownSeconds - 0.1), $"answered after {stopwatch.Elapsed}");
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string query, string accept = "application/graphql-response+json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Accept.ParseAdd(accept);
        return client.SendAsync(request);
    }
}
