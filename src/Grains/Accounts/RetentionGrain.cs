using InclusionNetwork.Grains.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;

namespace InclusionNetwork.Grains.Accounts;

/// <summary>
/// Erases staff removed from their school more than <c>Privacy:ErasureAfter</c> ago. A durable
/// Orleans reminder (in <c>OrleansRemindersTable</c>) ticks it every
/// <c>Privacy:RetentionCheckInterval</c> on whichever silo owns the reminder, so exactly one
/// silo runs it at a time and a dead silo's ticks pass to a survivor. Rows are still claimed
/// with <c>FOR UPDATE SKIP LOCKED</c>, so a run overlapping a duplicate activation during a
/// membership change never erases anyone twice.
/// </summary>
public sealed class RetentionGrain(
    PersonErasure erasure,
    DomainClock clock,
    IOptions<PrivacyOptions> options,
    ILogger<RetentionGrain> logger,
    [PersistentState("retention")] IPersistentState<RetentionState> bookkeeping) : Grain, IRetentionGrain, IRemindable
{
    /// <summary>The one retention grain of the cluster.</summary>
    public const long ClusterKey = 0;

    private const string ReminderName = "retention";

    private const int BatchSize = 100;

    /// <summary>Orleans reminders tick at most once a minute; a shorter interval is taken as a minute.</summary>
    private TimeSpan Period => options.Value.RetentionCheckInterval < DueReminders.Period ? DueReminders.Period : options.Value.RetentionCheckInterval;

    public async Task ScheduleAsync()
    {
        // Registering again on every silo start would push the next tick back each time: only
        // a missing reminder, or one at another period (the setting changed), is registered.
        // A reminder does not tell its period, so the period registered is kept beside it.
        if (bookkeeping.State.ReminderPeriod == Period && await this.GetReminder(ReminderName) is not null)
        {
            return;
        }
        await this.RegisterOrUpdateReminder(ReminderName, DueReminders.Period, Period);
        bookkeeping.State = bookkeeping.State with { ReminderPeriod = Period };
        await bookkeeping.WriteStateAsync();
    }

    public async Task<RetentionState> RunAsync()
    {
        var removedBefore = clock.GetUtcNow() - options.Value.ErasureAfter;
        var erased = 0;
        int batch;
        do
        {
            batch = await erasure.EraseRemovedStaffAsync(removedBefore, BatchSize);
            erased += batch;
        }
        while (batch == BatchSize);
        if (erased > 0)
        {
            logger.LogInformation("Erased {Count} members of staff removed more than {ErasureAfter} ago.", erased, options.Value.ErasureAfter);
        }
        bookkeeping.State = bookkeeping.State with
        {
            LastRunAt = clock.GetUtcNow(),
            LastRunErased = erased,
            ErasedRemovedBefore = removedBefore,
            ErasedInAll = bookkeeping.State.ErasedInAll + erased,
        };
        await bookkeeping.WriteStateAsync();
        return bookkeeping.State;
    }

    public Task<RetentionState> StatusAsync() => Task.FromResult(bookkeeping.State);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        try
        {
            await RunAsync();
        }
        catch (Npgsql.NpgsqlException e)
        {
            // Nothing was erased or recorded by the failed batch; the next tick tries again.
            logger.LogWarning(e, "The retention check could not run; the next tick tries again.");
        }
    }
}
