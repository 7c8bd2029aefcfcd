using System.Text.Json;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InclusionNetwork.Silo.Tests.Uptake;

/// <summary>
/// The real Silo on its own database holding only <see cref="UptakeCounty"/> (no demo data),
/// a clock standing at <see cref="UptakeCounty.Now"/>, and one account of each role that
/// matters to uptake.
/// </summary>
internal sealed class UptakeWorld : IAsyncDisposable
{
    public const string Commissioner = "commissioner@county.test";
    public const string Admin = "admin@county.test";
    public const string Provider = "provider@county.test";
    public const string Booker = "booker@county.test";
    /// <summary>A network lead organising Dartford's SENCO forum: reads Dartford's figures.</summary>
    public const string NetworkLead = "networklead@county.test";
    /// <summary>A network lead who organises no network yet: reads no district's rows.</summary>
    public const string LoneNetworkLead = "lone.networklead@county.test";
    /// <summary>ILE L2, of A1's staff, who leads K3 (Ashford schools): reads Ashford's figures.</summary>
    public const string Leader = "l2@county.test";
    /// <summary>Staff member 83 (A3), who attended no session of R13.</summary>
    public const string Staff83 = "staff83@county.test";
    /// <summary>Staff member 22 (D2), who attended the first of R4's two sessions.</summary>
    public const string Staff22 = "staff22@county.test";
    public const string Password = "a long enough password";

    private readonly Dictionary<string, HttpClient> clients = [];

    private UptakeWorld(SiloHost silo, ManualClock clock)
    {
        Silo = silo;
        Clock = clock;
    }

    public SiloHost Silo { get; }

    public ManualClock Clock { get; }

    public static async Task<UptakeWorld> StartAsync(PostgresFixture postgres)
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var clock = new ManualClock(UptakeCounty.Now);
        // The tests of a class may share one world (SharedUptakeWorld), all signing in from loopback.
        var silo = await SiloHost.StartAsync(connectionString, loadDemoData: false, clock,
            settings: [new("Auth:SignInAttemptsPerMinute", "1000")]);
        await UptakeCounty.SeedAsync(silo.Services.GetRequiredService<NpgsqlDataSource>());
        var accounts = silo.Services.GetRequiredService<AccountService>();
        await accounts.CreateAsync(new NewAccount(Commissioner, "Commissioner", Password, [Role.COMMISSIONER]));
        await accounts.CreateAsync(new NewAccount(Admin, "Admin", Password, [Role.ADMIN]));
        await accounts.CreateAsync(new NewAccount(Provider, "Provider", Password, [Role.PROVIDER]));
        await accounts.CreateAsync(new NewAccount(Booker, "Booker", Password, [Role.SCHOOL_BOOKER, Role.STAFF], SchoolUrn: "100001"));
        await accounts.CreateAsync(new NewAccount(NetworkLead, "Network Lead", Password, [Role.NETWORK_LEAD]));
        await accounts.CreateAsync(new NewAccount(LoneNetworkLead, "Lone Network Lead", Password, [Role.NETWORK_LEAD]));
        await accounts.CreateAsync(new NewAccount(Leader, "Leader Two", Password, [Role.LEADER], LeaderId: 2));
        await accounts.CreateAsync(new NewAccount(Staff83, "Staff 83", Password, [Role.STAFF], SchoolUrn: "200003", StaffId: 83));
        await accounts.CreateAsync(new NewAccount(Staff22, "Staff 22", Password, [Role.STAFF], SchoolUrn: "100002", StaffId: 22));
        await using (var network = silo.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("""
            WITH n AS (
                INSERT INTO networks (name, kind, district_id, created_at, updated_at)
                VALUES ('Dartford SENCO forum', 'SENCO_FORUM', 'dartford', now(), now()) RETURNING id)
            INSERT INTO network_organisers (network_id, account_id)
            SELECT n.id, a.id FROM n, accounts a WHERE a.email = @email
            """))
        {
            network.Parameters.AddWithValue("email", NetworkLead);
            await network.ExecuteNonQueryAsync();
        }
        return new UptakeWorld(silo, clock);
    }

    public async Task<HttpClient> AsAsync(string email)
    {
        if (!clients.TryGetValue(email, out var client))
        {
            client = await Silo.SignInAsync(email, Password);
            clients[email] = client;
        }
        return client;
    }

    /// <summary>One measure's rows as the commissioner reads them through /graphql.</summary>
    public async Task<JsonElement> UptakeAsync(string field, string arguments, string selection)
    {
        var client = await AsAsync(Commissioner);
        var response = await client.GraphQLAsync($"{{ uptake {{ {field}({arguments}) {{ {selection} }} }} }}");
        return response.Get($"uptake.{field}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
        await Silo.DisposeAsync();
    }
}
