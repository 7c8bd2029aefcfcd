using Microsoft.Extensions.Logging;
using Npgsql;

namespace InclusionNetwork.Silo.Database;

/// <summary>
/// Applies the migrations not yet applied, in order, each in its own transaction, and
/// records each with its checksum in <c>schema_migrations</c>. A session-level advisory
/// lock makes silos that start together take turns, so each migration runs exactly once.
/// </summary>
public sealed class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
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
