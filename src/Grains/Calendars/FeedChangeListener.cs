using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>
/// Holds one connection that LISTENs for migration 0042's notices and tells <see cref="FeedChanges"/>
/// what each names. Whenever the connection fails (or answers no heartbeat) the silo counts every
/// kept feed as changed, and listens again after a pause; feeds are then served by the lookup in
/// the database, as they would be without this listener (<c>Calendar:ListenForChanges</c> off).
/// </summary>
public sealed partial class FeedChangeListener(
    NpgsqlDataSource dataSource,
    FeedChanges changes,
    IOptions<CalendarFeedOptions> options,
    ILogger<FeedChangeListener> logger,
    FeedNoticeDataSource? noticeSource = null) : BackgroundService
{
    public const string Channel = "calendar_feed_changes";
    private const string SyncPrefix = "sync:";

    // A connection that died without a word is noticed within a heartbeat (and its timeout).
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, TaskCompletionSource> awaited = new(StringComparer.Ordinal);
    private int listeningProcessId;

    /// <summary>The database backend that listens (its pid), or null while none does: for tests and diagnostics.</summary>
    public int? ListeningProcessId => Volatile.Read(ref listeningProcessId) is var pid and not 0 ? pid : null;

    /// <summary>
    /// Waits until this silo has heard every change committed before the call: sends itself a marker
    /// and waits for it, since notices arrive in commit order. Returns at once when nobody listens
    /// (then nothing is served from memory anyway). For tests and tools that write and then poll.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        if (!changes.Listening)
        {
            return;
        }
        var marker = SyncPrefix + Guid.NewGuid().ToString("N");
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        awaited[marker] = heard;
        try
        {
            await using (var notify = dataSource.CreateCommand($"SELECT pg_notify('{Channel}', $1)"))
            {
                notify.Parameters.Add(new NpgsqlParameter<string> { TypedValue = marker });
                await notify.ExecuteNonQueryAsync(cancellationToken);
            }
            await heard.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            awaited.TryRemove(marker, out _);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ListenForChanges)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Whatever broke the connection, the feeds fall back to the lookup, and listening starts over.
                LogListeningLost(logger, e, RetryDelay);
            }
            finally
            {
                Stop();
            }
            try
            {
                await Task.Delay(RetryDelay, TimeProvider.System, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await (noticeSource?.DataSource ?? dataSource).OpenConnectionAsync(stoppingToken);
        connection.Notification += (_, notice) => Heard(notice.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }
        // From here every commit is heard; anything committed before is seen by lookups begun after.
        Volatile.Write(ref listeningProcessId, connection.ProcessID);
        changes.Started();
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!await connection.WaitAsync(Heartbeat, stoppingToken))
            {
                await using var heartbeat = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = (int)Heartbeat.TotalSeconds };
                await heartbeat.ExecuteScalarAsync(stoppingToken);
            }
        }
    }

    private void Heard(string payload)
    {
        if (payload.StartsWith(SyncPrefix, StringComparison.Ordinal))
        {
            if (awaited.TryGetValue(payload, out var heard))
            {
                heard.TrySetResult();
            }
            return;
        }
        changes.Heard(payload);
    }

    private void Stop()
    {
        changes.Stopped();
        Volatile.Write(ref listeningProcessId, 0);
        // Nothing more will be heard on this connection: whoever waits need not (nothing is served from memory now).
        foreach (var heard in awaited.Values)
        {
            heard.TrySetResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped hearing of calendar feed changes; every feed is looked up in the database until listening again in {Delay}.")]
    private static partial void LogListeningLost(ILogger logger, Exception exception, TimeSpan delay);
}
