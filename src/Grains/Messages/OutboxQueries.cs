using Npgsql;

namespace InclusionNetwork.Grains.Messages;

/// <summary>The outbox as admins read it: newest first, optionally one status, paged by id.</summary>
public sealed class OutboxQueries(NpgsqlDataSource dataSource)
{
    public async Task<OutboxPage> ListAsync(MessageStatus? status, int first, long? afterId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var page = new NpgsqlCommand("""
            SELECT id, kind, recipient_email, subject, status, attempts, last_error, created_at, sent_at
            FROM notifications
            WHERE (@status::text IS NULL OR status = @status) AND (@after::bigint IS NULL OR id < @after)
            ORDER BY id DESC
            LIMIT @limit
            """, connection);
        page.Parameters.AddWithValue("status", NpgsqlTypes.NpgsqlDbType.Text, (object?)status?.ToString() ?? DBNull.Value);
        page.Parameters.AddWithValue("after", NpgsqlTypes.NpgsqlDbType.Bigint, (object?)afterId ?? DBNull.Value);
        page.Parameters.AddWithValue("limit", first + 1);
        var messages = new List<OutboxMessage>();
        await using (var reader = await page.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                messages.Add(new OutboxMessage(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    Enum.Parse<MessageStatus>(reader.GetString(4)),
                    reader.GetInt32(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.GetFieldValue<DateTimeOffset>(7),
                    reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8)));
            }
        }
        await using var count = new NpgsqlCommand("SELECT count(*) FROM notifications WHERE @status::text IS NULL OR status = @status", connection);
        count.Parameters.AddWithValue("status", NpgsqlTypes.NpgsqlDbType.Text, (object?)status?.ToString() ?? DBNull.Value);
        var total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        var hasNext = messages.Count > first;
        return new OutboxPage(hasNext ? messages[..first] : messages, hasNext, (int)total);
    }
}
