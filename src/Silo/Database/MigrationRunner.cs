using Microsoft.Extensions.Logging;
using Npgsql;

namespace InclusionNetwork.Silo.Database;

/// <summary>
/// Applies the migrations not yet applied, in order, each in its own transaction, and
/// records each with its checksum in <c>schema_migrations</c>. A session-level advisory
/// lock makes silos that start together take turns, so each migration runs exactly once.
/// </summary>
/// <param name="dataSource">A connection as the schema's owner, who creates and alters the tables.</param>
/// <param name="servingRole">
/// The role the application serves requests as, when it is not the owner: after migrating,
/// it is granted reading and writing rows (no more) on every table and sequence, and the
/// owner's default privileges give it the same on whatever later migrations create.
/// Migrations themselves therefore never grant anything.
/// </param>
public sealed class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger, string? servingRole = null)
{
    /// <summary>An arbitrary constant that identifies "the migrations lock" in pg_locks.</summary>
    private const long AdvisoryLockKey = 0x494E434C_4D494752; // "INCLMIGR"

    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            number     integer PRIMARY KEY,
            name       text        NOT NULL,
            checksum   text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    /// <returns>The migrations this call applied (none when the database was up to date).</returns>
    public async Task<IReadOnlyList<Migration>> ApplyAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, CreateTable, cancellationToken);
            var applied = await ReadAppliedAsync(connection, cancellationToken);
            var newlyApplied = new List<Migration>();
            foreach (var migration in migrations)
            {
                if (applied.TryGetValue(migration.Number, out var checksum))
                {
                    if (checksum != migration.Checksum)
                    {
                        throw new MigrationException(
                            $"Migration {migration.FileName} was changed after it was applied (checksum {checksum} in the database, {migration.Checksum} on disk). " +
                            "Applied migrations must not be edited: add a new migration instead.");
                    }
                    continue;
                }
                await ApplyOneAsync(connection, migration, cancellationToken);
                newlyApplied.Add(migration);
            }
            if (servingRole is not null)
            {
                await GrantServingRoleAsync(connection, servingRole, cancellationToken);
            }
            return newlyApplied;
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    /// <summary>True when every migration on disk is recorded as applied with the same checksum.</summary>
    public async Task<bool> IsUpToDateAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
        {
            return false;
        }
        var applied = await ReadAppliedAsync(connection, cancellationToken);
        return migrations.All(m => applied.TryGetValue(m.Number, out var checksum) && checksum == m.Checksum);
    }

    private async Task ApplyOneAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
        }
        catch (PostgresException e)
        {
            throw new MigrationException($"Migration {migration.FileName} failed: {e.MessageText} (line {LineOf(migration.Sql, e.Position)}).", e);
        }
        await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (number, name, checksum) VALUES (@number, @name, @checksum)", connection, transaction))
        {
            record.Parameters.AddWithValue("number", migration.Number);
            record.Parameters.AddWithValue("name", migration.Name);
            record.Parameters.AddWithValue("checksum", migration.Checksum);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Applied migration {Migration}", migration.FileName);
    }

    /// <summary>
    /// Data rights only: no CREATE on the schema, no ownership, so a flaw in the serving path
    /// cannot drop or alter tables. Idempotent; it runs on every start, so tables created by
    /// migrations applied before the role existed are covered too.
    /// </summary>
    private async Task GrantServingRoleAsync(NpgsqlConnection connection, string role, CancellationToken cancellationToken)
    {
        await using (var self = new NpgsqlCommand("SELECT current_user", connection))
        {
            if ((string?)await self.ExecuteScalarAsync(cancellationToken) == role)
            {
                return;
            }
        }
        var grantee = QuoteIdentifier(role);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var sql in new[]
        {
            $"GRANT USAGE ON SCHEMA public TO {grantee}",
            $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {grantee}",
            $"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {grantee}",
            $"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {grantee}",
            $"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {grantee}",
        })
        {
            await ExecuteAsync(connection, transaction, sql, cancellationToken);
        }
        await ExecuteAsync(connection, transaction,
            $"DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), {QuoteLiteral(role)}); END $$",
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Granted data rights on the schema to the serving role {Role}", role);
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string QuoteLiteral(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static int LineOf(string sql, int position) =>
        position <= 0 ? 0 : sql.AsSpan(0, Math.Min(position, sql.Length)).Count('\n') + 1;

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, string>();
        await using var command = new NpgsqlCommand("SELECT number, checksum FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
