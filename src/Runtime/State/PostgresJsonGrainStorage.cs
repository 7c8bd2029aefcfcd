using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace InclusionNetwork.Runtime;

/// <summary>
/// The generic grain storage: each state is one JSON document in <c>grain_state</c>, keyed by
/// grain type, grain key and state name, guarded by its version. Meant for tests and simple
/// grains; domain aggregates keep normalized rows through stores of their own.
/// </summary>
public sealed class PostgresJsonGrainStorage<TState>(NpgsqlDataSource dataSource, TimeProvider timeProvider) : IGrainStorage<TState>
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public async Task<StoredState<TState>> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT version, state FROM grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3");
        AddKey(command, grainId, stateName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return new StoredState<TState>(default, 0);
        }
        var version = reader.GetInt64(0);
        var state = reader.IsDBNull(1) ? default : JsonSerializer.Deserialize<TState>(reader.GetString(1), Json);
        return new StoredState<TState>(state, version);
    }

    public Task<long> WriteAsync(GrainId grainId, string stateName, TState state, long expectedVersion, CancellationToken cancellationToken) =>
        StoreAsync(grainId, stateName, JsonSerializer.Serialize(state, Json), expectedVersion, cancellationToken);

    public async Task<long> ClearAsync(GrainId grainId, string stateName, long expectedVersion, CancellationToken cancellationToken)
    {
        if (expectedVersion == 0)
        {
            // Nothing was ever written as far as this writer knows: clearing is a no-op, unless
            // someone else has written meanwhile.
            var actual = await CurrentVersionAsync(grainId, stateName, cancellationToken).ConfigureAwait(false);
            return actual == 0 ? 0 : throw new InconsistentStateException(grainId, stateName, expectedVersion, actual);
        }
        // The row stays with a NULL document so the version keeps counting (see 0003_grain_runtime.sql).
        return await StoreAsync(grainId, stateName, null, expectedVersion, cancellationToken).ConfigureAwait(false);
    }

    private async Task<long> StoreAsync(GrainId grainId, string stateName, string? document, long expectedVersion, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(expectedVersion == 0
            ? """
              INSERT INTO grain_state (grain_type, grain_key, state_name, version, state, updated_at)
              VALUES ($1, $2, $3, 1, $4, $5)
              ON CONFLICT DO NOTHING
              RETURNING version
              """
            : """
              UPDATE grain_state SET version = version + 1, state = $4, updated_at = $5
              WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3 AND version = $6
              RETURNING version
              """);
        AddKey(command, grainId, stateName);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = (object?)document ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = timeProvider.GetUtcNow() });
        if (expectedVersion != 0)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = expectedVersion });
        }
        var written = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (written is long version)
        {
            return version;
        }
        var actual = await CurrentVersionAsync(grainId, stateName, cancellationToken).ConfigureAwait(false);
        throw new InconsistentStateException(grainId, stateName, expectedVersion, actual);
    }

    private async Task<long> CurrentVersionAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT version FROM grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3");
        AddKey(command, grainId, stateName);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : 0;
    }

    private static void AddKey(NpgsqlCommand command, GrainId grainId, string stateName)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.Key });
        command.Parameters.Add(new NpgsqlParameter { Value = stateName });
    }
}
