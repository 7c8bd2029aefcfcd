using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InclusionNetwork.Runtime;

/// <summary>
/// Delivers due reminders. Each poll claims a batch of due, unleased rows with
/// <c>FOR UPDATE SKIP LOCKED</c> and marks them leased to this silo, so silos sharing the
/// database never deliver the same due reminder at the same time. After delivery it advances
/// a periodic reminder or deletes a one-shot one, but only while its lease token still
/// matches. A failed delivery, or a silo that dies, leaves the lease to lapse and the
/// reminder is delivered again: at least once.
/// </summary>
internal sealed class ReminderPoller(
    GrainRuntime runtime,
    NpgsqlDataSource dataSource,
    IOptions<GrainRuntimeOptions> options,
    TimeProvider timeProvider,
    ILogger<ReminderPoller> logger) : BackgroundService
{
    private static readonly MethodDispatcher<object> ReceiveReminder =
        (MethodDispatcher<object>)MethodDispatcher.For(typeof(IRemindable).GetMethod(nameof(IRemindable.ReceiveReminderAsync))!);

    private readonly GrainRuntimeOptions settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.ReminderPollInterval, timeProvider);
        do
        {
            try
            {
                // A full batch means more may be due: keep going before waiting.
                int claimed;
                do
                {
                    claimed = await PollOnceAsync(stoppingToken).ConfigureAwait(false);
                }
                while (claimed == settings.ReminderBatchSize);
            }
            catch (NpgsqlException exception)
            {
                // The database may be restarting; the next tick tries again.
                logger.LogWarning(exception, "Polling for due reminders failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <returns>How many reminders were claimed.</returns>
    internal async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var leaseToken = Guid.NewGuid();
        var claimed = await ClaimAsync(now, leaseToken, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(claimed.Select(reminder => DeliverAsync(reminder, leaseToken, cancellationToken))).ConfigureAwait(false);
        return claimed.Count;
    }

    private async Task<List<DueReminder>> ClaimAsync(DateTimeOffset now, Guid leaseToken, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE grain_reminders AS r
            SET leased_until = $2, lease_token = $3, leased_by = $4
            FROM (
                SELECT grain_type, grain_key, reminder_name
                FROM grain_reminders
                WHERE due_at <= $1 AND (leased_until IS NULL OR leased_until <= $1)
                ORDER BY due_at
                LIMIT $5
                FOR UPDATE SKIP LOCKED
            ) AS due
            WHERE r.grain_type = due.grain_type AND r.grain_key = due.grain_key AND r.reminder_name = due.reminder_name
            RETURNING r.grain_type, r.grain_key, r.reminder_name, r.due_at, r.period
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = now + settings.ReminderLeaseDuration });
        command.Parameters.Add(new NpgsqlParameter { Value = leaseToken });
        command.Parameters.Add(new NpgsqlParameter { Value = settings.SiloName });
        command.Parameters.Add(new NpgsqlParameter { Value = settings.ReminderBatchSize });
        var claimed = new List<DueReminder>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            claimed.Add(new DueReminder(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<TimeSpan>(4)));
        }
        return claimed;
    }

    private async Task DeliverAsync(DueReminder reminder, Guid leaseToken, CancellationToken cancellationToken)
    {
        if (!runtime.Registry.TryGetByGrainType(reminder.GrainType, out var grainClass) || !typeof(IRemindable).IsAssignableFrom(grainClass.ClassType))
        {
            logger.LogError("Reminder '{Name}' of {GrainType}/{GrainKey} is due but no registered remindable grain class has that type; it stays leased until its lease lapses",
                reminder.Name, reminder.GrainType, reminder.GrainKey);
            return;
        }
        var grainId = new GrainId(reminder.GrainType, reminder.GrainKey);
        var tick = new TickStatus(reminder.DueAt, reminder.Period, timeProvider.GetUtcNow());
        var call = new GrainCall<object>(ReceiveReminder, [reminder.Name, tick], ReceiveReminder.AlwaysInterleaves || grainClass.IsReentrant);
        runtime.Enqueue(grainId, grainClass, call);
        try
        {
            await call.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The grain failed the delivery: leave the lease to lapse so it is delivered again.
            logger.LogWarning(exception, "Reminder '{Name}' of grain {GrainId} failed; it is retried when its lease lapses", reminder.Name, grainId);
            return;
        }
        await CompleteAsync(reminder, leaseToken, cancellationToken).ConfigureAwait(false);
    }

    private async Task CompleteAsync(DueReminder reminder, Guid leaseToken, CancellationToken cancellationToken)
    {
        // Matching the lease token means: only if no other silo has since claimed it and the
        // grain has not re-registered it meanwhile.
        await using var command = dataSource.CreateCommand(reminder.Period is null
            ? """
              DELETE FROM grain_reminders
              WHERE grain_type = $1 AND grain_key = $2 AND reminder_name = $3 AND lease_token = $4
              """
            : """
              UPDATE grain_reminders
              SET due_at = $5, leased_until = NULL, lease_token = NULL, leased_by = NULL, updated_at = $6
              WHERE grain_type = $1 AND grain_key = $2 AND reminder_name = $3 AND lease_token = $4
              """);
        command.Parameters.Add(new NpgsqlParameter { Value = reminder.GrainType });
        command.Parameters.Add(new NpgsqlParameter { Value = reminder.GrainKey });
        command.Parameters.Add(new NpgsqlParameter { Value = reminder.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = leaseToken });
        if (reminder.Period is not null)
        {
            var now = timeProvider.GetUtcNow();
            command.Parameters.Add(new NpgsqlParameter { Value = reminder.NextDueAfter(now) });
            command.Parameters.Add(new NpgsqlParameter { Value = now });
        }
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
