using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InclusionNetwork.Grains.Messages;

/// <summary>
/// Puts a message in the outbox inside the caller's transaction, so the message exists exactly
/// when the change that causes it is committed; the dispatcher sends it later, once.
/// </summary>
public sealed class Outbox(DomainClock clock, EmailComposer composer, IOptions<PeopleOptions> people)
{
    public Task EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string kind, string recipientEmail,
        ComposedEmail email, CancellationToken cancellationToken = default) =>
        EnqueueAsync(connection, transaction, new OutboxItem(kind, recipientEmail, email), cancellationToken);

    /// <summary>
    /// Writes the message unless the recipient has turned its category off, or a message with
    /// the same event key has already been written for them. A reminder or prompt gets a
    /// one-click link that turns its category off. Returns whether a message was written.
    /// </summary>
    public async Task<bool> EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, OutboxItem item,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var email = item.Email;
        string? token = null;
        Uri? unsubscribe = null;
        if (item.Category != NotificationCategory.Essential)
        {
            token = SecretTokens.New();
            unsubscribe = people.Value.Link("unsubscribe", token);
            email = composer.WithUnsubscribe(email, unsubscribe, item.Category);
        }
        await using var insert = new NpgsqlCommand(InsertSql, connection, transaction);
        AddInsertParameters(insert.Parameters, item, email, unsubscribe, now);
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }
        if (token is not null)
        {
            await using var remember = new NpgsqlCommand("""
                INSERT INTO unsubscribe_tokens (token_hash, email, category, created_at) VALUES (@hash, lower(@to), @category, @now)
                """, connection, transaction);
            remember.Parameters.AddWithValue("hash", SecretTokens.Hash(token));
            remember.Parameters.AddWithValue("to", item.RecipientEmail);
            remember.Parameters.AddWithValue("category", CategoryName(item.Category));
            remember.Parameters.AddWithValue("now", now);
            await remember.ExecuteNonQueryAsync(cancellationToken);
        }
        return true;
    }

    /// <summary>
    /// Writes several messages in one round trip, each as <see cref="EnqueueAsync(NpgsqlConnection, NpgsqlTransaction, OutboxItem, CancellationToken)"/>
    /// would: a write that tells a dozen people of their places waits for the database once, not a
    /// dozen times. Reminders and prompts (which carry an unsubscribe link of their own) go one by one.
    /// </summary>
    public async Task EnqueueAllAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<OutboxItem> items,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var essential = items.Where(i => i.Category == NotificationCategory.Essential).ToList();
        if (essential.Count > 0)
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var item in essential)
            {
                var insert = new NpgsqlBatchCommand(InsertSql);
                AddInsertParameters(insert.Parameters, item, item.Email, null, now);
                batch.BatchCommands.Add(insert);
            }
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var item in items.Where(i => i.Category != NotificationCategory.Essential))
        {
            await EnqueueAsync(connection, transaction, item, cancellationToken);
        }
    }

    // The preference is read in the same statement as the write, so a person who has just
    // turned reminders off gets none, and a repeat of one event writes nothing.
    private const string InsertSql = """
        INSERT INTO notifications (kind, recipient_email, subject, body, html_body, created_at,
                                   category, event_key, calendar_method, calendar_body, unsubscribe_url)
        SELECT @kind, @to, @subject, @text, @html, @now, @category, @eventKey, @method, @ics, @unsubscribe
        WHERE @category = 'ESSENTIAL' OR NOT EXISTS (
            SELECT 1 FROM notification_preferences p
            WHERE p.email = lower(@to) AND CASE @category WHEN 'REMINDER' THEN NOT p.reminders ELSE NOT p.prompts END)
        ON CONFLICT DO NOTHING
        """;

    private static void AddInsertParameters(NpgsqlParameterCollection parameters, OutboxItem item, ComposedEmail email, Uri? unsubscribe, DateTimeOffset now)
    {
        parameters.AddWithValue("kind", item.Kind);
        parameters.AddWithValue("to", item.RecipientEmail);
        parameters.AddWithValue("subject", email.Subject);
        parameters.AddWithValue("text", email.Text);
        parameters.AddWithValue("html", email.Html);
        parameters.AddWithValue("now", now);
        parameters.AddWithValue("category", CategoryName(item.Category));
        parameters.AddWithValue("eventKey", (object?)item.EventKey ?? DBNull.Value);
        parameters.AddWithValue("method", (object?)email.Invitation?.Method ?? DBNull.Value);
        parameters.AddWithValue("ics", (object?)email.Invitation?.Ics ?? DBNull.Value);
        parameters.AddWithValue("unsubscribe", (object?)unsubscribe?.AbsoluteUri ?? DBNull.Value);
    }

    /// <summary>The category as the tables spell it.</summary>
    public static string CategoryName(NotificationCategory category) => category switch
    {
        NotificationCategory.Essential => "ESSENTIAL",
        NotificationCategory.Reminder => "REMINDER",
        NotificationCategory.Prompt => "PROMPT",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Not a notification category."),
    };
}
