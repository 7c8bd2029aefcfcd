using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InclusionNetwork.Silo.Tests.SchoolFigures;

/// <summary>
/// The real Silo on its own database holding only <see cref="SchoolFiguresCounty"/>, the clock
/// at <see cref="SchoolFiguresCounty.Now"/>, and an account for every role that may or may
/// not see the figures.
/// </summary>
internal sealed class SchoolFiguresWorld : IAsyncDisposable
{
    public const string Commissioner = "commissioner@county.test";
    public const string Admin = "admin@county.test";
    public const string Provider = "provider@county.test";
    public const string OtherProvider = "other.provider@county.test";
    public const string BookerS1 = "booker.s1@county.test";
    public const string StaffS1 = "staff.s1@county.test";
    public const string BookerS2 = "booker.s2@county.test";
    public const string LeaderOne = "l1@county.test";
    public const string LeaderTwo = "l2@county.test";
    public const string NetworkLead = "network.lead@county.test";
    public const string Password = "a long enough password";

    private readonly Dictionary<string, HttpClient> clients = [];

    private SchoolFiguresWorld(SiloHost silo, string databaseName)
    {
        Silo = silo;
        DatabaseName = databaseName;
    }

    public SiloHost Silo { get; }

    public string DatabaseName { get; }

    public static async Task<SchoolFiguresWorld> StartAsync(PostgresFixture postgres)
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        // The tests of a class share one world (SharedSchoolFiguresWorld), all signing in from loopback.
        var silo = await SiloHost.StartAsync(connectionString, loadDemoData: false, new ManualClock(SchoolFiguresCounty.Now),
            settings: [new("Auth:SignInAttemptsPerMinute", "1000")]);
        var database = silo.Services.GetRequiredService<NpgsqlDataSource>();
        await SchoolFiguresCounty.SeedAsync(database);
        var accounts = silo.Services.GetRequiredService<AccountService>();
        await accounts.CreateAsync(new NewAccount(Commissioner, "Commissioner", Password, [Role.COMMISSIONER]));
        await accounts.CreateAsync(new NewAccount(Admin, "Admin", Password, [Role.ADMIN]));
        await accounts.CreateAsync(new NewAccount(Provider, "Provider", Password, [Role.PROVIDER]));
        await accounts.CreateAsync(new NewAccount(OtherProvider, "Other provider", Password, [Role.PROVIDER]));
        await accounts.CreateAsync(new NewAccount(BookerS1, "Booker S1", Password, [Role.SCHOOL_BOOKER], SchoolUrn: SchoolFiguresCounty.S1));
        await accounts.CreateAsync(new NewAccount(StaffS1, "Staff 13", Password, [Role.STAFF], SchoolUrn: SchoolFiguresCounty.S1, StaffId: 13));
        await accounts.CreateAsync(new NewAccount(BookerS2, "Booker S2", Password, [Role.SCHOOL_BOOKER], SchoolUrn: SchoolFiguresCounty.S2));
        await accounts.CreateAsync(new NewAccount(LeaderOne, "Leader One", Password, [Role.LEADER], LeaderId: 1));
        await accounts.CreateAsync(new NewAccount(LeaderTwo, "Leader Two", Password, [Role.LEADER], LeaderId: 2));
        await accounts.CreateAsync(new NewAccount(NetworkLead, "Network lead", Password, [Role.NETWORK_LEAD]));
        await using (var command = database.CreateCommand(
            "UPDATE courses SET provider_account_id = (SELECT id FROM accounts WHERE email = @email) WHERE id = 12"))
        {
            command.Parameters.AddWithValue("email", Provider);
            await command.ExecuteNonQueryAsync();
        }
        return new SchoolFiguresWorld(silo, new NpgsqlConnectionStringBuilder(connectionString).Database!);
    }

    public async Task<HttpClient> AsAsync(string? email)
    {
        email ??= "";
        if (!clients.TryGetValue(email, out var client))
        {
            client = email.Length == 0 ? Silo.CreateClient() : await Silo.SignInAsync(email, Password);
            clients[email] = client;
        }
        return client;
    }

    public async Task<GraphQLResponse> QueryAsync(string? email, string query) => await (await AsAsync(email)).GraphQLAsync(query);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
        await Silo.DisposeAsync();
    }
}
