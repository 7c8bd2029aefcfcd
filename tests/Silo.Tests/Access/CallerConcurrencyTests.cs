using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InclusionNetwork.Silo.Tests.Bookings;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Access;

/// <summary>One caller's burst of heavy GraphQL requests waits on itself, never on everyone else.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CallerConcurrencyTests(PostgresFixture postgres)
{
    private const string EveryRunsBookings = "{ directory(first: 100) { nodes { runs(includePast: true) { bookings { id } } } } }";

    [Fact]
    public async Task A_callers_requests_beyond_its_running_and_waiting_allowance_are_refused_while_another_caller_is_served()
    {
        await using var silo = await SiloHost.StartAsync(await postgres.CreateDemoDatabaseAsync(BookingWorld.Today), loadDemoData: true,
            clock: new ManualClock(BookingWorld.Today),
            settings:
            [
                new("GraphQL:MaxConcurrentRequestsPerCaller", "1"), new("GraphQL:MaxQueuedRequestsPerCaller", "1"),
                new("GraphQL:Limits:MaxRequestBodyBytes", "65536"), new("GraphQL:BodyBudget:BurstBytes", "65536"), new("GraphQL:BodyBudget:BytesPerSecond", "1024"),
            ]);
        using var leader = await silo.SignInAsync("leader1@demo.test");
        using var admin = await silo.SignInAsync("admin@demo.test");

        var burst = Enumerable.Range(0, 20).Select(_ => leader.PostAsJsonAsync("/graphql", new { query = EveryRunsBookings })).ToList();
        var other = await admin.GraphQLAsync("{ directory(first: 5) { totalCount } }");
        var answers = await Task.WhenAll(burst);

        // The other caller is served while the burst is being worked through or refused.
        Assert.True(other.Get("directory.totalCount").GetInt32() > 0);
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.Equal("5", refused[0].Headers.RetryAfter?.ToString());
        var message = (await refused[0].Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString();
        Assert.Contains("waiting already", message);

        // Bodies are paid for from the caller's budget of bytes before they are read: a caller
        // sending large bodies is refused unread once its budget is spent, while others are served.
        using var anonymous = silo.CreateClient();
        string Padded(int bytes) => "# " + new string('x', bytes) + "\n{ areas { id } }";
        var first = await anonymous.PostAsJsonAsync("/graphql", new { query = Padded(60_000) });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await anonymous.PostAsJsonAsync("/graphql", new { query = Padded(60_000) });
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.InRange(int.Parse(second.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, 64);
        Assert.Contains("more request data", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        Assert.True((await admin.GraphQLAsync("{ directory(first: 5) { totalCount } }")).Get("directory.totalCount").GetInt32() > 0);
        // A body over the largest allowed is 413 with a JSON message, whatever the budget holds.
        var tooLarge = await admin.PostAsJsonAsync("/graphql", new { query = Padded(70_000) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("65536", await tooLarge.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_that_waits_longer_than_allowed_for_its_callers_turn_is_refused_not_kept_waiting()
    {
        await using var silo = await SiloHost.StartAsync(await postgres.CreateDemoDatabaseAsync(BookingWorld.Today), loadDemoData: true,
            clock: new ManualClock(BookingWorld.Today),
            settings: [new("GraphQL:MaxConcurrentRequestsPerCaller", "1"), new("GraphQL:MaxQueuedSecondsPerCaller", "0.02")]);
        using var leader = await silo.SignInAsync("leader1@demo.test");

        // Twenty heavy requests one at a time: the queue (100 by default) holds them all, but the
        // last ones would wait for nineteen others to run, far longer than 20 ms.
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => leader.PostAsJsonAsync("/graphql", new { query = EveryRunsBookings })));

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        var refused = answers.FirstOrDefault(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.NotNull(refused);
        Assert.Equal("5", refused.Headers.RetryAfter?.ToString());
    }

    [Fact]
    public async Task By_default_a_burst_from_one_caller_waits_its_turn_and_every_request_is_answered()
    {
        await using var silo = await SiloHost.StartAsync(await postgres.CreateDemoDatabaseAsync(BookingWorld.Today), loadDemoData: true,
            clock: new ManualClock(BookingWorld.Today));
        using var leader = await silo.SignInAsync("leader1@demo.test");

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => leader.PostAsJsonAsync("/graphql", new { query = EveryRunsBookings })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
    }
}
