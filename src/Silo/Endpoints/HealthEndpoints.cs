using InclusionNetwork.Silo.Database;
using Npgsql;
using Orleans.Runtime;

namespace InclusionNetwork.Silo.Endpoints;

/// <summary>
/// Liveness (the process answers) and readiness (the database answers and is fully migrated,
/// and this silo is an active member of the cluster, so grain calls can be placed).
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "alive" }));
        app.MapGet("/readyz", ReadyAsync);
        return app;
    }

    private static async Task<IResult> ReadyAsync(MigrationRunner runner, ShippedMigrations migrations, ILogger<MigrationRunner> logger,
        IClusterMembershipService membership, ILocalSiloDetails silo, CancellationToken cancellationToken)
    {
        if (membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress) != SiloStatus.Active)
        {
            return TypedResults.Json(new { status = "joining the cluster" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        try
        {
            var upToDate = await runner.IsUpToDateAsync(migrations.All, cancellationToken);
            return upToDate
                ? TypedResults.Ok(new { status = "ready" })
                : TypedResults.Json(new { status = "migrations pending" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (NpgsqlException e)
        {
            logger.LogWarning(e, "Readiness check could not reach the database");
            return TypedResults.Json(new { status = "database unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
