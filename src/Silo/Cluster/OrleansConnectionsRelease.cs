using Npgsql;

namespace InclusionNetwork.Silo.Cluster;

/// <summary>
/// Closes the Orleans providers' pooled connections once the silo has stopped. Npgsql keeps a
/// pool per connection string for the life of the process, so without this a silo stopped
/// inside a process that goes on (a host restarting its silo, a test run starting many) would
/// keep its idle connections open on the server until they age out.
/// </summary>
public sealed class OrleansConnectionsRelease(string orleansConnectionString) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        using var connection = new NpgsqlConnection(orleansConnectionString);
        NpgsqlConnection.ClearPool(connection);
        return Task.CompletedTask;
    }
}
