using InclusionNetwork.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InclusionNetwork.Silo.Tests.PeerReviewAndNetworks;

/// <summary>
/// A small county for peer-review tests, written straight into a fresh database: seven
/// schools A to G in Dartford, each with one SENCO (the only role the planner draws
/// reviewers from here) and a teacher; two ILEs (the second may lead one cluster); accounts
/// for an admin, the ILEs, a commissioner, each school's booker and school A's SENCO.
/// </summary>
public sealed class PeerReviewWorld : IAsyncDisposable
{
    public static readonly string[] Urns = ["990001", "990002", "990003", "990004", "990005", "990006", "990007"];
    public const string Password = "peer-review-world";

    private PeerReviewWorld(SiloHost silo, ManualClock clock, IReadOnlyDictionary<string, (long Senco, long Teacher)> staff, long leader1, long leader2)
    {
        Silo = silo;
        Clock = clock;
        Staff = staff;
        Leader1 = leader1;
        Leader2 = leader2;
    }

    public SiloHost Silo { get; }

    public ManualClock Clock { get; }

    /// <summary>Each school's SENCO and teacher, by URN.</summary>
    public IReadOnlyDictionary<string, (long Senco, long Teacher)> Staff { get; }

    public long Leader1 { get; }

    public long Leader2 { get; }

    public NpgsqlDataSource Db => Silo.Services.GetRequiredService<NpgsqlDataSource>();

    public static string NameOf(string urn) => $"School {(char)('A' + Array.IndexOf(Urns, urn))}";

    public static async Task<PeerReviewWorld> StartAsync(PostgresFixture postgres, DateTimeOffset now, params KeyValuePair<string, string>[] settings)
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var hash = new PasswordHasher<object>().HashPassword(new object(), Password);
        var staff = new Dictionary<string, (long, long)>();
        long leader1, leader2;
        await using (var db = NpgsqlDataSource.Create(connectionString))
        {
            await using (var setup = db.CreateCommand("""
                INSERT INTO schools (urn, name, phase, school_type, district_id, open, gias_type, gias_phase, gias_status, imported_at, updated_at)
                SELECT u, 'School ' || chr(64 + n::int), 'PRIMARY', 'MAINTAINED', 'dartford', true, 'Community school', 'Primary', 'Open', now(), now()
                FROM unnest(@urns) WITH ORDINALITY AS t(u, n);
                INSERT INTO staff (school_urn, name, email, role, created_at)
                SELECT u, r || ' of ' || u, lower(r) || '.' || u || '@world.test', r, now() FROM unnest(@urns) AS u, unnest(ARRAY['SENCO', 'TEACHER']) AS r;
                INSERT INTO inclusion_leaders (name, email, school_urn, max_clusters, created_at) VALUES
                    ('Leader One', 'leader1@world.test', '990001', 6, now()), ('Leader Two', 'leader2@world.test', '990002', 1, now());
                WITH people AS (
                    SELECT 'admin@world.test' AS email, 'Admin' AS name, NULL::text AS urn, NULL::bigint AS staff_id, NULL::bigint AS leader_id, 'ADMIN' AS role
                    UNION ALL SELECT 'commissioner@world.test', 'Commissioner', NULL, NULL, NULL, 'COMMISSIONER'
                    UNION ALL SELECT email, name, NULL, NULL, id, 'LEADER' FROM inclusion_leaders
                    UNION ALL SELECT 'booker.' || urn || '@world.test', 'Booker', urn, NULL, NULL, 'SCHOOL_BOOKER' FROM schools
                    UNION ALL SELECT email, name, school_urn, id, NULL, 'STAFF' FROM staff WHERE school_urn = '990001' AND role = 'SENCO'
                ), accounts AS (
                    INSERT INTO accounts (email, name, password_hash, school_urn, staff_id, leader_id, created_at)
                    SELECT email, name, @hash, urn, staff_id, leader_id, now() FROM people RETURNING id, email
                )
                INSERT INTO account_roles (account_id, role) SELECT a.id, p.role FROM accounts a JOIN people p ON p.email = a.email;
                """))
            {
                setup.Parameters.AddWithValue("urns", Urns);
                setup.Parameters.AddWithValue("hash", hash);
                await setup.ExecuteNonQueryAsync();
            }
            await using (var read = db.CreateCommand("SELECT school_urn, role, id FROM staff"))
            await using (var reader = await read.ExecuteReaderAsync())
            {
                var ids = new Dictionary<(string, string), long>();
                while (await reader.ReadAsync())
                {
                    ids[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
                }
                foreach (var urn in Urns)
                {
                    staff[urn] = (ids[(urn, "SENCO")], ids[(urn, "TEACHER")]);
                }
            }
            await using (var read = db.CreateCommand("SELECT id FROM inclusion_leaders ORDER BY id"))
            await using (var reader = await read.ExecuteReaderAsync())
            {
                await reader.ReadAsync();
                leader1 = reader.GetInt64(0);
                await reader.ReadAsync();
                leader2 = reader.GetInt64(0);
            }
        }
        var clock = new ManualClock(now);
        var silo = await SiloHost.StartAsync(connectionString, clock: clock,
            settings: [new("Runtime:ReminderPollInterval", "00:00:00.200"), new("Auth:SignInAttemptsPerMinute", "1000"), .. settings]);
        return new PeerReviewWorld(silo, clock, staff, leader1, leader2);
    }

    public Task<HttpClient> SignInAsync(string email) => Silo.SignInAsync(email, Password);

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Db.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var command = Db.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task CloseAsync(string urn, params DateOnly[] days)
    {
        foreach (var day in days)
        {
            await ExecuteAsync("INSERT INTO school_closure_days (school_urn, closed_on, reason) VALUES (@urn, @day, 'Training day')", ("urn", urn), ("day", day));
        }
    }

    public ValueTask DisposeAsync() => Silo.DisposeAsync();
}
