using System.Globalization;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans;
using Orleans.Runtime;

namespace InclusionNetwork.Grains.Messages;

/// <summary>
/// Tells admins once a day which messages could not be delivered for good, with a link to the
/// outbox page where they see each one and its reason. A durable reminder ticks it daily on
/// whichever silo owns it. The grain keeps the day its last summary went in Orleans persistent
/// state, so a tick that comes again that day (a retried tick, a silo restarted) answers from
/// it without touching the outbox. The outbox stays the backstop: a duplicate activation while
/// membership changes, or a marker lost between the commit and its own write, still writes
/// nothing more, because the summary's event key names the day and the failures it lists are
/// marked in the same transaction, locked as they are read.
/// </summary>
public sealed class DeliveryFailureSummaryGrain(
    NpgsqlDataSource dataSource,
    Outbox outbox,
    EmailComposer composer,
    IOptions<PeopleOptions> people,
    DomainClock clock,
    ILogger<DeliveryFailureSummaryGrain> logger,
    [PersistentState("delivery-failure-summary")] IPersistentState<DeliveryFailureSummaryState> bookkeeping) : Grain, IDeliveryFailureSummaryGrain, IRemindable
{
    public const long ClusterKey = 0;

    private const string ReminderName = "delivery-failure-summary";

    /// <summary>The summary goes at this London time, before the working day starts.</summary>
    private static readonly TimeOnly SummaryTime = new(7, 0);

    /// <summary>The most failures a summary lists one by one; the outbox page has them all.</summary>
    private const int Listed = 20;

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public async Task ScheduleAsync()
    {
        // A reminder does not tell when in the day it ticks, so the time registered is kept
        // beside it: only a missing reminder, or one for another time, is registered again.
        if (bookkeeping.State.ReminderAt == SummaryTime && await this.GetReminder(ReminderName) is not null)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, London).DateTime);
        var next = At(today);
        if (next <= now)
        {
            next = At(today.AddDays(1));
        }
        await this.RegisterOrUpdateReminder(ReminderName, next - now, TimeSpan.FromDays(1));
        bookkeeping.State = bookkeeping.State with { ReminderAt = SummaryTime };
        await bookkeeping.WriteStateAsync();
    }

    public Task<DeliveryFailureSummaryState> StatusAsync() => Task.FromResult(bookkeeping.State);

    public async Task<int> SummariseAsync()
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, London).DateTime);
        if (bookkeeping.State.SentOn == today)
        {
            return 0;
        }
        var eventKey = string.Create(CultureInfo.InvariantCulture, $"outbox:failures:{today:yyyy-MM-dd}");
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var sent = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM notifications WHERE event_key = @key)", connection, transaction))
        {
            sent.Parameters.AddWithValue("key", eventKey);
            if ((bool)(await sent.ExecuteScalarAsync())!)
            {
                // Today's summary went, but the marker did not say so: keep it from now on.
                await transaction.RollbackAsync();
                await RecordAsync(today, reported: null);
                return 0;
            }
        }
        var failures = new List<(long Id, string Kind, string To, string? Reason)>();
        await using (var read = new NpgsqlCommand("""
            SELECT id, kind, recipient_email, last_error FROM notifications
            WHERE status = 'FAILED' AND failure_reported_on IS NULL
            ORDER BY id
            FOR UPDATE SKIP LOCKED
            """, connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                failures.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
            }
        }
        if (failures.Count == 0)
        {
            return 0;
        }
        var admins = new List<(string Email, string Name)>();
        await using (var read = new NpgsqlCommand($"""
            SELECT DISTINCT ON (lower(a.email)) a.email, a.name FROM accounts a JOIN account_roles r ON r.account_id = a.id AND r.role = 'ADMIN'
            WHERE {AccountStatus.LiveSql} ORDER BY lower(a.email)
            """, connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                admins.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        var count = failures.Count == 1 ? "1 message" : $"{failures.Count} messages";
        var subject = $"{count} could not be delivered";
        var lines = failures.Take(Listed).Select(f => $"{f.Kind} to {f.To}: {f.Reason ?? "no reason given"}").ToList();
        var before = new List<string>
        {
            $"{count} could not be delivered since the last summary, after every attempt. The people they were for have not been told.",
            $"You are getting this email because you are an administrator of {composer.Settings.ServiceName}.",
        };
        before.AddRange(lines);
        if (failures.Count > Listed)
        {
            before.Add($"And {failures.Count - Listed} more.");
        }
        before.Add("Check each address, correct it where you can, and tell the person another way. The outbox shows every failed message:");
        var page = new Uri($"{people.Value.PublicBaseUrl.TrimEnd('/')}/admin/outbox?status=FAILED");
        foreach (var (email, name) in admins)
        {
            await outbox.EnqueueAsync(connection, transaction,
                new OutboxItem("DELIVERY_FAILURES", email, composer.Compose(name, subject, before, page)) { EventKey = eventKey });
        }
        await using (var mark = new NpgsqlCommand("UPDATE notifications SET failure_reported_on = @today WHERE id = ANY(@ids)", connection, transaction))
        {
            mark.Parameters.AddWithValue("today", today);
            mark.Parameters.AddWithValue("ids", failures.Select(f => f.Id).ToArray());
            await mark.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        await RecordAsync(today, failures.Count);
        return failures.Count;
    }

    /// <summary>Marks <paramref name="day"/>'s summary as gone, with how many it reported when this activation wrote it.</summary>
    private async Task RecordAsync(DateOnly day, int? reported)
    {
        bookkeeping.State = bookkeeping.State with
        {
            SentOn = day,
            LastReported = reported ?? bookkeeping.State.LastReported,
            ReportedInAll = bookkeeping.State.ReportedInAll + (reported ?? 0),
        };
        await bookkeeping.WriteStateAsync();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        try
        {
            await SummariseAsync();
        }
        catch (NpgsqlException e)
        {
            // Nothing was written or marked; tomorrow's tick reports these failures with its own.
            logger.LogWarning(e, "The delivery failure summary could not be written; the next tick tries again.");
        }
    }

    private static DateTimeOffset At(DateOnly day)
    {
        var local = day.ToDateTime(SummaryTime, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, London.GetUtcOffset(local));
    }
}
