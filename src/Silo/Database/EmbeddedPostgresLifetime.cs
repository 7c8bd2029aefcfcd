namespace InclusionNetwork.Silo.Database;

/// <summary>
/// Stops the embedded PostgreSQL when the host stops (Ctrl+C, SIGTERM). Registered before
/// every other hosted service, so it stops after them and they can still write on the way out.
/// </summary>
internal sealed class EmbeddedPostgresLifetime(EmbeddedPostgresServer server, ILogger<EmbeddedPostgresLifetime> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Embedded PostgreSQL is running on 127.0.0.1:{Port}", server.Port);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        server.Stop();
        logger.LogInformation("Embedded PostgreSQL stopped");
        return Task.CompletedTask;
    }
}
