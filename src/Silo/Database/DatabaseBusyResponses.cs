using InclusionNetwork.GraphQL.Engine.Execution;
using Npgsql;

namespace InclusionNetwork.Silo.Database;

/// <summary>
/// When the database cannot give a request a connection in time (this silo's pool stayed
/// busy past <c>Database:ConnectionTimeoutSeconds</c>, or the server refuses more clients),
/// the caller is told so plainly, 503 with Retry-After and a JSON message, never a 500 with
/// a stack trace. Other failures pass through untouched.
/// </summary>
public static partial class DatabaseBusyResponses
{
    /// <summary>PostgreSQL's too_many_connections and cannot_connect_now.</summary>
    private static readonly string[] BusySqlStates = ["53300", "57P03"];

    public static IApplicationBuilder UseDatabaseBusyResponses(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (IsBusy(e) && !context.Response.HasStarted)
        {
            LogBusy(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseBusyResponses)), context.Request.Path, e.Message);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
            await context.Response.WriteAsJsonAsync(new { message = "The service is busy and could not reach its database in time. Try again in a few seconds." });
        }
    });

    /// <summary>
    /// A resolver that could not get a connection in time fails its field with <c>SERVER_BUSY</c>
    /// and the same plain message, rather than an unexpected error: the rest of the answer stands.
    /// </summary>
    public static GraphQLException? AsFieldError(Exception exception) => IsBusy(exception)
        ? new GraphQLException("The service is busy and could not reach its database in time. Try again in a few seconds.", ErrorCodes.ServerBusy)
        : null;

    /// <summary>Whether the failure means no database connection could be had, rather than a fault in the request.</summary>
    public static bool IsBusy(Exception exception) => exception switch
    {
        PostgresException postgres => BusySqlStates.Contains(postgres.SqlState),
        NpgsqlException npgsql => npgsql.InnerException is TimeoutException,
        _ => exception.InnerException is { } inner && IsBusy(inner),
    };

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "No database connection in time for {Path}: {Reason}")]
    private static partial void LogBusy(ILogger logger, string path, string reason);
}
