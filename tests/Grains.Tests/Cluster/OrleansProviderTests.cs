using InclusionNetwork.TestSupport;
using Npgsql;

namespace InclusionNetwork.Grains.Tests.Cluster;

/// <summary>
/// The Orleans tables and query texts of migration 0010, driven through the real 10.4.2
/// ADO.NET providers (clustering, reminders, grain storage) on real PostgreSQL. One partial
/// class per concern so that every test shares the fixture's single silo.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class OrleansProviderTests(OrleansClusterFixture cluster) : IClassFixture<OrleansClusterFixture>
{
    private static readonly TimeSpan PollLimit = TimeSpan.FromSeconds(60);

    private async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters) =>
        await ScalarAsync<T>(cluster.ConnectionString, sql, parameters);

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Polls until the condition holds, failing with the last value seen.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + PollLimit;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Gave up waiting for {what} after {PollLimit.TotalSeconds} s; last seen: {value}");
            }
            await Task.Delay(200);
        }
    }
}
