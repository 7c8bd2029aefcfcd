using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Silo.Tests.Bookings;
using InclusionNetwork.Silo.Extensions;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InclusionNetwork.Silo.Tests.Access;

/// <summary>
/// Each silo holds at most <c>Database:MaxPoolSize</c> connections; a burst of requests waits
/// for a free one rather than failing, and a wait that runs out is answered 503 with a
/// message, never a 500.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabasePoolTests(PostgresFixture postgres)
{
    private const string EveryRunsBookings = "{ directory(first: 100) { nodes { runs(includePast: true) { bookings { id } } } } }";

    [Fact]
    public async Task The_pool_is_capped_at_twenty_by_default_and_a_connection_string_size_wins()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        await using (var silo = await SiloHost.StartAsync(connectionString))
        {
            var pooled = new NpgsqlConnectionStringBuilder(silo.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);
            Assert.Equal(20, pooled.MaxPoolSize);
            Assert.Equal(30, pooled.Timeout);
        }
        await using (var silo = await SiloHost.StartAsync(connectionString, settings: [new("Database:MaxPoolSize", "7"), new("Database:ConnectionTimeoutSeconds", "9")]))
        {
            var pooled = new NpgsqlConnectionStringBuilder(silo.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);
            Assert.Equal(7, pooled.MaxPoolSize);
            Assert.Equal(9, pooled.Timeout);
        }
        var written = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 11 }.ConnectionString;
        await using (var silo = await SiloHost.StartAsync(written, settings: [new("Database:MaxPoolSize", "7")]))
        {
            Assert.Equal(11, new NpgsqlConnectionStringBuilder(silo.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString).MaxPoolSize);
        }
        var refused = await Assert.ThrowsAsync<InclusionNetwork.Silo.Database.DatabaseConfigurationException>(async () =>
            await SiloHost.StartAsync(connectionString, settings: [new("Database:MaxPoolSize", "0")]));
        Assert.Contains("Database:MaxPoolSize", refused.Message);
    }

    [Fact]
    public async Task Parallel_heavy_queries_queue_for_a_small_pool_and_all_succeed_within_its_cap()
    {
        var connectionString = await postgres.CreateDemoDatabaseAsync(BookingWorld.Today);
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var silo = await SiloHost.StartAsync(connectionString, loadDemoData: true, clock: new ManualClock(BookingWorld.Today),
            settings: [new("Database:MaxPoolSize", "3")]);
        var clients = new List<HttpClient>();
        foreach (var email in new[] { "leader1@demo.test", "leader2@demo.test", "admin@demo.test", "provider@demo.test" })
        {
            clients.Add(await silo.SignInAsync(email));
        }
        var most = 0;
        using var watching = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            await using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres.ServerConnectionString) { Pooling = false }.ConnectionString);
            await server.OpenAsync();
            while (!watching.IsCancellationRequested)
            {
                await using var count = new NpgsqlCommand(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = @db AND application_name IS DISTINCT FROM @orleans AND application_name IS DISTINCT FROM @lookups", server);
                // Orleans' providers and the token lookups keep small pools of their own, capped apart from the serving pool.
                count.Parameters.AddWithValue("orleans", ClusterExtensions.OrleansApplicationName);
                count.Parameters.AddWithValue("lookups", DatabaseExtensions.TokenLookupApplicationName);
                count.Parameters.AddWithValue("db", database);
                most = Math.Max(most, (int)(long)(await count.ExecuteScalarAsync())!);
                await Task.Delay(5);
            }
        });

        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => clients[i % clients.Count].GraphQLAsync(EveryRunsBookings)));
        await watching.CancelAsync();
        await watcher;

        Assert.All(responses, r =>
        {
            Assert.Equal(200, r.StatusCode);
            Assert.Empty(r.Errors);
        });
        Assert.True(most <= 3, $"The silo held {most} connections with a pool of 3.");
        Assert.True(most >= 1);
    }

    [Fact]
    public async Task A_request_that_cannot_get_a_connection_in_time_is_answered_503_with_a_message()
    {
        var connectionString = await postgres.CreateDemoDatabaseAsync(BookingWorld.Today);
        await using var silo = await SiloHost.StartAsync(connectionString, loadDemoData: true, clock: new ManualClock(BookingWorld.Today),
            settings: [new("Database:MaxPoolSize", "2"), new("Database:TokenLookupPoolSize", "2"), new("Database:ConnectionTimeoutSeconds", "1")]);
        using var admin = await silo.SignInAsync("admin@demo.test");
        var lookups = silo.Services.GetRequiredService<TokenLookupDataSource>().DataSource;

        HttpResponseMessage response;
        // The test holds both of the token-lookup pool's connections, so the request's lookup must wait and gives up after a second.
        await using (await lookups.OpenConnectionAsync())
        await using (await lookups.OpenConnectionAsync())
        {
            response = await admin.PostAsJsonAsync("/graphql", new { query = "{ me { name } }" });
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter is not null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("busy", JsonDocument.Parse(body).RootElement.GetProperty("message").GetString());
        Assert.DoesNotContain("   at ", body);
        // Once the connection is free again the same request is served.
        Assert.Equal("Demo Administrator", (await admin.GraphQLAsync("{ me { name } }")).Get("me.name").GetString());

        // A resolver that cannot get one of the serving pool's connections in time fails its field plainly, not as a fault.
        var serving = silo.Services.GetRequiredService<NpgsqlDataSource>();
        using var anonymous = silo.CreateClient();
        GraphQLResponse busy;
        await using (await serving.OpenConnectionAsync())
        await using (await serving.OpenConnectionAsync())
        {
            busy = await anonymous.GraphQLAsync("{ directory(first: 1) { totalCount } }");
        }
        var error = Assert.Single(busy.Errors);
        Assert.Equal("SERVER_BUSY", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("busy", error.GetProperty("message").GetString());

        // A page whose query could not reach the database says so, and never reads the gap as
        // "no such course" (a 404 would tell the visitor the course is gone).
        var course = (await anonymous.GraphQLAsync("{ directory(first: 1) { nodes { id } } }")).Get("directory.nodes.0.id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/courses/{course}")).StatusCode);
        HttpResponseMessage page;
        await using (await serving.OpenConnectionAsync())
        await using (await serving.OpenConnectionAsync())
        {
            page = await anonymous.GetAsync($"/courses/{course}");
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("there is a problem with the service", html);
        Assert.DoesNotContain("   at ", html);
    }

    [Fact]
    public async Task A_stopped_silo_leaves_no_connection_of_its_pools_open()
    {
        var connectionString = await postgres.CreateDemoDatabaseAsync(BookingWorld.Today);
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using (var silo = await SiloHost.StartAsync(connectionString, loadDemoData: true, clock: new ManualClock(BookingWorld.Today)))
        {
            // A signed-in request uses the token-lookup pool and the serving pool.
            using var admin = await silo.SignInAsync("admin@demo.test");
            Assert.Equal("Demo Administrator", (await admin.GraphQLAsync("{ me { name } }")).Get("me.name").GetString());
            Assert.NotEqual(0, await ConnectionsAsync(database));
        }

        // Connections left open by a stopped silo would count against the server's max_connections for minutes.
        Assert.Equal(0, await ConnectionsAsync(database));
    }

    private async Task<long> ConnectionsAsync(string database)
    {
        await using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres.ServerConnectionString) { Pooling = false }.ConnectionString);
        await server.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @db", server);
        count.Parameters.AddWithValue("db", database);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
