using InclusionNetwork.Grains.Common;
using System.Security.Cryptography;
using InclusionNetwork.Grains.Schools;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InclusionNetwork.Silo.DemoData;

/// <summary>
/// Loads the demo county once: schools (through the real importer), their staff, the ten
/// ILEs and the demo accounts listed in the HTTP contract. Each step runs once per
/// database, under an advisory lock so silos starting together do not both load it.
/// </summary>
public sealed class DemoDataLoader(
    NpgsqlDataSource dataSource,
    SchoolImporter importer,
    DomainClock clock,
    IOptions<DemoOptions> options,
    IEnumerable<IDemoDataStep> steps,
    ILogger<DemoDataLoader> logger)
{
    private const long AdvisoryLockKey = 0x494E434C_44454D4F; // "INCLDEMO"
    public const string EmailDomain = "demo.test";

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({AdvisoryLockKey})", lockConnection))
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }
        try
        {
            var password = options.Value.Password;
            var firstLoad = !await IsLoadedAsync("schools", cancellationToken);
            if (firstLoad && string.IsNullOrEmpty(password))
            {
                password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('/', '-').Replace('+', '_');
                // Printed once, on purpose: this is the only way to learn a generated demo password.
                Console.WriteLine($"Demo data: every demo account's password is {password} (set Demo:Password to choose one).");
            }
            await RunStepAsync("schools", LoadSchoolsAsync, cancellationToken);
            await RunStepAsync("staff-leaders-accounts", (c, t, ct) => LoadPeopleAsync(c, t, password!, ct), cancellationToken);
            var context = new DemoContext(await DemoPasswordHashAsync(cancellationToken), clock.GetUtcNow());
            foreach (var step in steps.OrderBy(s => s.Order))
            {
                await RunStepAsync(step.Name, (c, t, ct) => step.LoadAsync(c, t, context, ct), cancellationToken);
            }
            if (!firstLoad && !string.IsNullOrEmpty(options.Value.Password))
            {
                await SetDemoPasswordAsync(options.Value.Password, cancellationToken);
            }
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({AdvisoryLockKey})", lockConnection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private async Task<bool> IsLoadedAsync(string step, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT 1 FROM demo_data_steps WHERE step = @step");
        command.Parameters.AddWithValue("step", step);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private async Task RunStepAsync(string step, Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task> load, CancellationToken cancellationToken)
    {
        if (await IsLoadedAsync(step, cancellationToken))
        {
            return;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await load(connection, transaction, cancellationToken);
        await using (var record = new NpgsqlCommand("INSERT INTO demo_data_steps (step, loaded_at) VALUES (@step, @now)", connection, transaction))
        {
            record.Parameters.AddWithValue("step", step);
            record.Parameters.AddWithValue("now", clock.GetUtcNow());
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Demo data step {Step} loaded", step);
    }

    private async Task LoadSchoolsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        // The importer writes in its own transaction; it is idempotent, so a crash before
        // this step is recorded only means the same file is imported again next time.
        using var csv = new StringReader(DemoSchools.Csv());
        var result = await importer.ImportAsync(csv, cancellationToken);
        logger.LogInformation("Demo schools imported: {Inserted} new, {Updated} updated", result.Inserted, result.Updated);
    }

    private async Task LoadPeopleAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string password, CancellationToken cancellationToken)
    {
        var random = new Random(20260901);
        var now = clock.GetUtcNow();
        var schools = new List<(string Urn, SchoolType Type, Phase Phase)>();
        await using (var read = new NpgsqlCommand("SELECT urn, school_type, phase FROM schools WHERE open ORDER BY urn", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                schools.Add((reader.GetString(0), Enum.Parse<SchoolType>(reader.GetString(1)), Enum.Parse<Phase>(reader.GetString(2))));
            }
        }

        var staffSchool = new List<string>();
        var staffName = new List<string>();
        var staffRole = new List<string>();
        var staffHasEmail = new List<bool>();
        foreach (var (urn, type, phase) in schools)
        {
            foreach (var (role, hasEmail) in DemoPeople.StaffFor(type, phase))
            {
                staffSchool.Add(urn);
                staffName.Add(DemoPeople.NameFor(random));
                staffRole.Add(role.ToString());
                staffHasEmail.Add(hasEmail);
            }
        }
        // Staff emails follow the contract: staff.<staff id>@demo.test, so they are set once the ids exist.
        await using (var insertStaff = new NpgsqlCommand("""
            WITH incoming AS (
                SELECT * FROM unnest(@school, @name, @role, @has_email) WITH ORDINALITY AS t(school_urn, name, role, has_email, n)
            ), inserted AS (
                INSERT INTO staff (school_urn, name, role, created_at)
                SELECT school_urn, name, role, @now FROM incoming ORDER BY n
                RETURNING id
            )
            SELECT count(*) FROM inserted
            """, connection, transaction))
        {
            insertStaff.Parameters.AddWithValue("school", staffSchool.ToArray());
            insertStaff.Parameters.AddWithValue("name", staffName.ToArray());
            insertStaff.Parameters.AddWithValue("role", staffRole.ToArray());
            insertStaff.Parameters.AddWithValue("has_email", staffHasEmail.ToArray());
            insertStaff.Parameters.AddWithValue("now", now);
            await insertStaff.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var emails = new NpgsqlCommand("""
            UPDATE staff s SET email = 'staff.' || s.id || '@demo.test'
            FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM staff) o
            WHERE o.id = s.id AND (@has_email)[o.n]
            """, connection, transaction))
        {
            emails.Parameters.AddWithValue("has_email", staffHasEmail.ToArray());
            await emails.ExecuteNonQueryAsync(cancellationToken);
        }

        // The ten ILEs work from schools spread over the districts.
        var leaderSchools = schools.Where(s => s.Phase is Phase.PRIMARY or Phase.SECONDARY).Select(s => s.Urn).ToList();
        for (var i = 1; i <= 10; i++)
        {
            await using var leader = new NpgsqlCommand("""
                INSERT INTO inclusion_leaders (name, email, school_urn, created_at) VALUES (@name, @email, @school, @now)
                """, connection, transaction);
            leader.Parameters.AddWithValue("name", DemoPeople.NameFor(random));
            leader.Parameters.AddWithValue("email", $"leader{i}@{EmailDomain}");
            leader.Parameters.AddWithValue("school", leaderSchools[(i - 1) * leaderSchools.Count / 10]);
            leader.Parameters.AddWithValue("now", now);
            await leader.ExecuteNonQueryAsync(cancellationToken);
        }
        // Enough capacity between them that every open mainstream school can be in a cluster of
        // six, and two clusters to spare each, so a new cluster can always be given a leader.
        await using (var capacity = new NpgsqlCommand("""
            UPDATE inclusion_leaders SET max_clusters = greatest(6, ceil((SELECT count(*) FROM schools
                WHERE open AND school_type IN ('MAINTAINED', 'ACADEMY', 'FREE_SCHOOL') AND phase <> 'EARLY_YEARS') / 6.0 / 10.0)::int + 2)
            WHERE email LIKE '%@demo.test'
            """, connection, transaction))
        {
            await capacity.ExecuteNonQueryAsync(cancellationToken);
        }

        // One hash for every demo account: hashing is deliberately slow, and the accounts
        // share one password by design.
        var hash = new PasswordHasher<object>().HashPassword(new object(), password);
        await using var accounts = new NpgsqlCommand("""
            WITH people AS (
                SELECT 'admin@demo.test' AS email, 'Demo Administrator' AS name, NULL::text AS school_urn, NULL::bigint AS staff_id, NULL::bigint AS leader_id, ARRAY['ADMIN'] AS roles
                UNION ALL SELECT 'commissioner@demo.test', 'Demo Commissioner', NULL, NULL, NULL, ARRAY['COMMISSIONER']
                UNION ALL SELECT 'provider@demo.test', 'Demo Training Provider', NULL, NULL, NULL, ARRAY['PROVIDER']
                UNION ALL SELECT l.email, l.name, l.school_urn, NULL, l.id, ARRAY['LEADER'] FROM inclusion_leaders l WHERE l.email LIKE '%@demo.test'
                UNION ALL SELECT 'booker.' || s.urn || '@demo.test', 'Bookings, ' || s.name, s.urn, NULL, NULL, ARRAY['SCHOOL_BOOKER']
                    FROM schools s WHERE s.open
                UNION ALL SELECT st.email, st.name, st.school_urn, st.id, NULL, ARRAY['STAFF'] FROM staff st WHERE st.email LIKE '%@demo.test'
            ), inserted AS (
                INSERT INTO accounts (email, name, password_hash, school_urn, staff_id, leader_id, created_at)
                SELECT email, name, @hash, school_urn, staff_id, leader_id, @now FROM people
                RETURNING id, email
            )
            INSERT INTO account_roles (account_id, role)
            SELECT i.id, unnest(p.roles) FROM inserted i JOIN people p ON p.email = i.email
            """, connection, transaction);
        accounts.Parameters.AddWithValue("hash", hash);
        accounts.Parameters.AddWithValue("now", now);
        await accounts.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The hash every demo account shares, for steps that add accounts.</summary>
    private async Task<string> DemoPasswordHashAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT password_hash FROM accounts WHERE email = 'admin@demo.test'");
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>A configured Demo:Password wins over the one the data was first loaded with.</summary>
    private async Task SetDemoPasswordAsync(string password, CancellationToken cancellationToken)
    {
        var hasher = new PasswordHasher<object>();
        await using (var current = dataSource.CreateCommand("SELECT password_hash FROM accounts WHERE email = 'admin@demo.test'"))
        {
            if (await current.ExecuteScalarAsync(cancellationToken) is string existing &&
                hasher.VerifyHashedPassword(new object(), existing, password) != PasswordVerificationResult.Failed)
            {
                return;
            }
        }
        await using var update = dataSource.CreateCommand("UPDATE accounts SET password_hash = @hash WHERE email LIKE '%@demo.test'");
        update.Parameters.AddWithValue("hash", hasher.HashPassword(new object(), password));
        await update.ExecuteNonQueryAsync(cancellationToken);
    }
}
