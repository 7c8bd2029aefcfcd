using Npgsql;

namespace InclusionNetwork.Runtime;

/// <summary><see cref="IReminderRegistry"/> over <c>grain_reminders</c>.</summary>
internal sealed class PostgresReminderRegistry(NpgsqlDataSource dataSource, TimeProvider timeProvider) : IReminderRegistry
{
    public async Task RegisterOrUpdateReminderAsync(GrainId grainId, string name, TimeSpan dueTime, TimeSpan? period, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        if (period is { } every && every <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "A reminder's period must be positive, or null for a one-shot reminder.");
        }
        var now = timeProvider.GetUtcNow();
        // Re-registering clears any lease, so a delivery in flight cannot then delete or
        // advance the reminder it no longer matches (its lease token is gone).
        await using var command = dataSource.CreateCommand("""
            INSERT INTO grain_reminders (grain_type, grain_key, reminder_name, due_at, period, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $6)
            ON CONFLICT (grain_type, grain_key, reminder_name) DO UPDATE
            SET due_at = excluded.due_at, period = excluded.period, updated_at = excluded.updated_at,
                leased_until = NULL, lease_token = NULL, leased_by = NULL
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Key });
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = now + dueTime });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)period ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Interval });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> UnregisterReminderAsync(GrainId grainId, string name, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "DELETE FROM grain_reminders WHERE grain_type = $1 AND grain_key = $2 AND reminder_name = $3");
        AddKey(command, grainId, name);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<GrainReminder?> GetReminderAsync(GrainId grainId, string name, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT due_at, period FROM grain_reminders WHERE grain_type = $1 AND grain_key = $2 AND reminder_name = $3");
        AddKey(command, grainId, name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        return new GrainReminder(grainId, name, reader.GetFieldValue<DateTimeOffset>(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<TimeSpan>(1));
    }

    private static void AddKey(NpgsqlCommand command, GrainId grainId, string name)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Key });
        command.Parameters.Add(new NpgsqlParameter { Value = name });
    }
}
