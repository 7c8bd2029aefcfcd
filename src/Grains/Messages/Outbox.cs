using InclusionNetwork.Grains.Common;
using Npgsql;

namespace InclusionNetwork.Grains.Messages;

/// <summary>
/// Puts a message in the outbox inside the caller's transaction, so the message exists exactly
/// when the change that causes it is committed; the dispatcher sends it later, once.
/// </summary>
public sealed class Outbox(DomainClock clock)
{
    public async Task EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string kind, string recipientEmail,
        ComposedEmail email, CancellationToken cancellationToken = default)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO notifications (kind, recipient_email, subject, body, html_body, created_at)
            VALUES (@kind, @to, @subject, @text, @html, @now)
            """, connection, transaction);
        insert.Parameters.AddWithValue("kind", kind);
        insert.Parameters.AddWithValue("to", recipientEmail);
        insert.Parameters.AddWithValue("subject", email.Subject);
        insert.Parameters.AddWithValue("text", email.Text);
        insert.Parameters.AddWithValue("html", email.Html);
        insert.Parameters.AddWithValue("now", clock.GetUtcNow());
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
