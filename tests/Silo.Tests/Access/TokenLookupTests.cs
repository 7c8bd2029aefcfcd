using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InclusionNetwork.Silo.Tests.Bookings;
using InclusionNetwork.TestSupport;
using Npgsql;

namespace InclusionNetwork.Silo.Tests.Access;

/// <summary>
/// Authenticating a request looks its token up before any per-caller limit knows who is
/// calling. A burst from one caller must not take the connections everyone's queries use, and
/// sharing lookups must never let a revoked token or a deactivated account through, on any silo.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TokenLookupTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string Update = "mutation($input: UpdateAccountInput!) { updateAccount(input: $input) { errors { code } } }";

    private readonly ConcurrentBag<HttpClient> clients = [];

    private BookingWorld world = null!;

    public async Task InitializeAsync() => world = await BookingWorld.StartAsync(postgres);

    public async Task DisposeAsync()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }
        await world.DisposeAsync();
    }

    [Fact]
    public async Task A_burst_shares_lookups_on_their_own_pool_and_a_revoked_or_deactivated_credential_is_refused_on_every_silo_once_ended()
    {
        // A second silo on the same database: what another machine behind the load balancer holds.
        await using var other = await SiloHost.StartAsync(world.ConnectionString, loadDemoData: false, world.Clock, BookingWorld.Settings);
        var database = new NpgsqlConnectionStringBuilder(world.ConnectionString).Database!;
        using var tokenLookups = new SqlStatementCounter(database, activity =>
            activity.GetTagItem("db.query.text") is string text && text.Contains("FROM access_tokens t JOIN accounts", StringComparison.Ordinal));
        using var onServingPool = new SqlStatementCounter(database, activity =>
            activity.GetTagItem("db.query.text") is string text && text.Contains("FROM access_tokens t JOIN accounts", StringComparison.Ordinal)
            && !Equals(activity.GetTagItem("db.npgsql.data_source"), "token-lookups"));

        // A hundred requests with one token at once (as many as one caller may have waiting) cost a
        // few lookups, none on the serving pool.
        var (commissionerTokenId, commissioner) = await TokenAsync("commissioner@demo.test");
        tokenLookups.Reset();
        var burst = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => commissioner(other).PostAsJsonAsync("/graphql", new { query = "{ me { email } }" })));
        Assert.All(burst, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.InRange(tokenLookups.Count, 1, 20);
        Assert.Equal(0, onServingPool.Count);

        // Revoked on one silo while the other is busy with the token: once the revocation has
        // returned, no request sent after it is accepted on either silo.
        await EndedWhileBusyAsync(
            commissioner,
            async () => Assert.Equal(HttpStatusCode.NoContent, (await commissioner(world.Silo).DeleteAsync($"/auth/token/{commissionerTokenId}")).StatusCode));

        // The same for a deactivated account, ended by an admin on one silo.
        var staffEmail = await ScalarAsync<string>("SELECT email FROM accounts WHERE email LIKE 'staff.%' ORDER BY id LIMIT 1");
        var staffId = await ScalarAsync<long>("SELECT id FROM accounts WHERE email = @e", ("e", staffEmail));
        var (_, staff) = await TokenAsync(staffEmail);
        using var admin = await world.Silo.SignInAsync("admin@demo.test");
        await EndedWhileBusyAsync(
            staff,
            async () => Assert.Empty((await admin.GraphQLAsync(Update, new { input = new { accountId = staffId.ToString(System.Globalization.CultureInfo.InvariantCulture), active = false } })).UserErrorCodes("updateAccount")));

        async Task EndedWhileBusyAsync(Func<SiloHost, HttpClient> caller, Func<Task> end)
        {
            var answers = new ConcurrentBag<(long SentAt, HttpStatusCode Status)>();
            using var stop = new CancellationTokenSource();
            var clock = Stopwatch.StartNew();
            async Task KeepAskingAsync(SiloHost silo)
            {
                while (!stop.IsCancellationRequested)
                {
                    var sentAt = clock.ElapsedTicks;
                    var response = await caller(silo).PostAsJsonAsync("/graphql", new { query = "{ me { email } }" }, CancellationToken.None);
                    answers.Add((sentAt, response.StatusCode));
                }
            }
            var asking = Enumerable.Range(0, 8).Select(i => Task.Run(() => KeepAskingAsync(i % 2 == 0 ? world.Silo : other))).ToList();
            while (answers.Count(a => a.Status == HttpStatusCode.OK) < 16)
            {
                await Task.Delay(10);
            }
            await end();
            var endedAt = clock.ElapsedTicks;
            while (answers.Count(a => a.SentAt > endedAt) < 16)
            {
                await Task.Delay(10);
            }
            await stop.CancelAsync();
            await Task.WhenAll(asking);
            Assert.Contains(answers, a => a.SentAt < endedAt && a.Status == HttpStatusCode.OK);
            Assert.All(answers.Where(a => a.SentAt > endedAt), a => Assert.Equal(HttpStatusCode.Unauthorized, a.Status));
        }
    }

    /// <summary>A token for the person, and a client carrying it for either silo.</summary>
    private async Task<(string TokenId, Func<SiloHost, HttpClient> Client)> TokenAsync(string email)
    {
        var response = await world.Anonymous.PostAsJsonAsync("/auth/token", new { email, password = SiloHost.DemoPassword, expiresInDays = 365 });
        response.EnsureSuccessStatusCode();
        var issued = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = issued.GetProperty("token").GetString();
        var perSilo = new ConcurrentDictionary<SiloHost, HttpClient>();
        return (issued.GetProperty("id").GetString()!, host => perSilo.GetOrAdd(host, h =>
        {
            var client = h.CreateClient(token);
            clients.Add(client);
            return client;
        }));
    }

    private async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = world.Database.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
