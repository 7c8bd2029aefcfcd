using Npgsql;

namespace InclusionNetwork.Grains.Uptake;

/// <summary>
/// Runs one uptake statement and reads its rows, with PostgreSQL's JIT compilation and
/// parallel workers off for that statement only.
/// </summary>
/// <remarks>
/// The measures are a few hash joins and aggregates over tens of thousands of rows, so their
/// planned cost passes the server's JIT thresholds at county size while the work itself takes
/// tens of milliseconds: compiling (with inlining and optimisation) then took 2–3 s of a 3.6 s
/// peer-review figure at 24,000 schools, and most of a training one. <c>SET LOCAL</c> in the
/// statement's own transaction keeps the setting from leaking to the pooled connection's next
/// user, and leaves the server's setting alone for everything else.
/// <para>
/// Parallel workers: the planner's costs assume idle cores, so for the year's training figure
/// it chose a parallel scan of every booking (a million, of every year and status) over the
/// index of the year's confirmed ones; on a busy two-core server the workers only queue for
/// the same cores, and that plan took 420 ms where the index took under 100.
/// </para>
/// </remarks>
internal static class UptakeStatement
{
    public static async Task<List<T>> ReadAsync<T>(NpgsqlDataSource dataSource, string sql, Action<NpgsqlCommand> addParameters,
        Func<NpgsqlDataReader, T> readRow, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var noJit = new NpgsqlCommand("SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0", connection, transaction))
        {
            await noJit.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        addParameters(command);
        var rows = new List<T>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(readRow(reader));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }
}
