using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Messages;
using Microsoft.Extensions.Options;
using MimeKit;
using Npgsql;

namespace InclusionNetwork.Silo.Email;

/// <summary>
/// Sends the outbox. Each silo runs one; they share the table safely: a dispatcher claims a
/// batch of due messages in one statement (<c>FOR UPDATE SKIP LOCKED</c>, and a lease that
/// other dispatchers respect), commits the claim, then sends, so no message is handed to two
/// of them. A failed attempt waits a delay that doubles each time; after the last attempt
/// the message is FAILED with the reason. Idle, it costs one indexed query per poll.
/// </summary>
public sealed class OutboxDispatcher(
    NpgsqlDataSource dataSource,
    DomainClock clock,
    IOptions<EmailOptions> options,
    IMailTransport transport,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromHours(1);

    private sealed record Claimed(long Id, string Kind, string To, string Subject, string Text, string? Html, int Attempts,
        string? CalendarMethod, string? CalendarBody, string? UnsubscribeUrl);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Emails are sent to {Destination}.", transport.Description);
        var interval = options.Value.PollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            int handled;
            try
            {
                handled = await DispatchDueAsync(stoppingToken);
            }
            catch (NpgsqlException e)
            {
                // The database is away for a moment; the messages wait in it for the next poll.
                logger.LogWarning(e, "The outbox could not be read; trying again in {Interval}.", interval);
                handled = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            if (handled == 0)
            {
                try
                {
                    await Task.Delay(interval, TimeProvider.System, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Claims and sends one batch of due messages, over one SMTP connection; returns how many were claimed.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }
        await using var session = transport.Open();
        foreach (var message in claimed)
        {
            await DeliverAsync(session, message, cancellationToken);
        }
        return claimed.Count;
    }

    private async Task<List<Claimed>> ClaimAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        await using var claim = dataSource.CreateCommand("""
            UPDATE notifications n SET leased_until = @leaseEnd, attempts = n.attempts + 1
            WHERE n.id IN (
                SELECT id FROM notifications
                WHERE status = 'PENDING' AND coalesce(next_attempt_at, created_at) <= @now
                  AND (leased_until IS NULL OR leased_until < @now)
                ORDER BY coalesce(next_attempt_at, created_at), id
                LIMIT @batch
                FOR UPDATE SKIP LOCKED)
            RETURNING n.id, n.kind, n.recipient_email, n.subject, n.body, n.html_body, n.attempts,
                      n.calendar_method, n.calendar_body, n.unsubscribe_url
            """);
        claim.Parameters.AddWithValue("leaseEnd", now + settings.Lease);
        claim.Parameters.AddWithValue("now", now);
        claim.Parameters.AddWithValue("batch", Math.Max(1, settings.BatchSize));
        var claimed = new List<Claimed>();
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new Claimed(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9)));
        }
        return claimed;
    }

    private async Task DeliverAsync(IMailSession session, Claimed message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!MailboxAddress.TryParse(message.To, out var recipient))
        {
            await FailAsync(message, "The recipient is not a valid email address.", finalAttempt: true, cancellationToken);
            return;
        }
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(settings.From));
        mime.To.Add(recipient);
        mime.Subject = message.Subject;
        // Lets a receiving system (and the tests) tell one outbox message from another.
        mime.MessageId = $"outbox-{message.Id}@{mime.From.Mailboxes.First().Domain}";
        mime.Headers.Add("X-Outbox-Kind", message.Kind);
        mime.Body = Body(message);
        if (message.UnsubscribeUrl is not null)
        {
            // RFC 2369 and RFC 8058: mail clients offer their own one-click "unsubscribe",
            // which posts to the same link the message's footer shows.
            mime.Headers.Add("List-Unsubscribe", $"<{message.UnsubscribeUrl}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        try
        {
            await session.SendAsync(message.Id, mime, cancellationToken);
        }
        catch (MailDeliveryException e)
        {
            logger.LogWarning("Outbox message {Id} ({Kind}) was not sent on attempt {Attempt}: {Reason}", message.Id, message.Kind, message.Attempts, e.Message);
            await FailAsync(message, e.Message, finalAttempt: message.Attempts >= settings.MaxAttempts, cancellationToken);
            return;
        }
        await using var sent = dataSource.CreateCommand(
            "UPDATE notifications SET status = 'SENT', sent_at = @now, leased_until = NULL, last_error = NULL WHERE id = @id AND status = 'PENDING'");
        sent.Parameters.AddWithValue("id", message.Id);
        sent.Parameters.AddWithValue("now", clock.GetUtcNow());
        // Not the caller's token: the message has gone, so its row must say so even during shutdown.
        await sent.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>
    /// Text and HTML as alternatives; a calendar invitation as a third alternative, the way
    /// iMIP (RFC 6047) carries it, so Outlook and Google offer to add or update the event, and
    /// as an .ics attachment for readers that only show attachments.
    /// </summary>
    private static MimeEntity Body(Claimed message)
    {
        var builder = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html };
        if (message.CalendarMethod is null || message.CalendarBody is null)
        {
            return builder.ToMessageBody();
        }
        var alternative = new MultipartAlternative
        {
            new TextPart("plain") { Text = message.Text },
        };
        if (message.Html is not null)
        {
            alternative.Add(new TextPart("html") { Text = message.Html });
        }
        var calendar = new TextPart("calendar") { Text = message.CalendarBody };
        calendar.ContentType.Parameters.Add("method", message.CalendarMethod);
        calendar.ContentType.Charset = "utf-8";
        alternative.Add(calendar);
        var attachment = new MimePart("application", "ics")
        {
            Content = new MimeContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message.CalendarBody))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = message.CalendarMethod == CalendarInvitation.Cancel ? "cancel.ics" : "invite.ics",
        };
        return new Multipart("mixed") { alternative, attachment };
    }

    private async Task FailAsync(Claimed message, string reason, bool finalAttempt, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var doublings = Math.Min(message.Attempts - 1, 20);
        var delay = TimeSpan.FromTicks(Math.Min(settings.RetryDelay.Ticks * (1L << doublings), LongestRetryDelay.Ticks));
        await using var failed = dataSource.CreateCommand("""
            UPDATE notifications SET status = CASE WHEN @final THEN 'FAILED' ELSE 'PENDING' END,
                next_attempt_at = @next, leased_until = NULL, last_error = @reason
            WHERE id = @id AND status = 'PENDING'
            """);
        failed.Parameters.AddWithValue("id", message.Id);
        failed.Parameters.AddWithValue("final", finalAttempt);
        failed.Parameters.AddWithValue("next", clock.GetUtcNow() + delay);
        failed.Parameters.AddWithValue("reason", reason.Length > 1000 ? reason[..1000] : reason);
        await failed.ExecuteNonQueryAsync(cancellationToken);
    }
}
