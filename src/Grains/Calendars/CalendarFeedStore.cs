using System.Security.Cryptography;
using InclusionNetwork.Grains.Accounts;
using Npgsql;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>The calendar_feeds table: issuing, revoking, listing and finding feeds by token.</summary>
public sealed class CalendarFeedStore(NpgsqlDataSource dataSource, FeedKey key, FeedLinks links)
{
    private const string FeedColumns = "f.id, f.scope, f.subject_id, f.salt, f.created_at, f.revoked_at IS NOT NULL";

    /// <summary>Issues a feed: the id is drawn first because the token (and so its hash) depends on it.</summary>
    public async Task<CalendarFeed> InsertAsync(long accountId, FeedScope scope, string subjectId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        long id;
        await using (var next = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence('calendar_feeds', 'id'))", connection))
        {
            id = (long)(await next.ExecuteScalarAsync(cancellationToken))!;
        }
        var salt = RandomNumberGenerator.GetBytes(16);
        await using var insert = new NpgsqlCommand("""
            INSERT INTO calendar_feeds (id, account_id, scope, subject_id, salt, token_hash, created_at)
            VALUES (@id, @account, @scope, @subject, @salt, @hash, @now)
            """, connection);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("account", accountId);
        insert.Parameters.AddWithValue("scope", scope.ToString());
        insert.Parameters.AddWithValue("subject", subjectId);
        insert.Parameters.AddWithValue("salt", salt);
        insert.Parameters.AddWithValue("hash", FeedKey.HashOf(key.TokenFor(id, salt)));
        insert.Parameters.AddWithValue("now", now);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return links.Describe(id, scope, subjectId, salt, now, revoked: false);
    }

    /// <summary>Revokes one of the account's feeds; revoking twice is harmless. Null when the account has no such feed.</summary>
    public async Task<CalendarFeed?> RevokeAsync(long accountId, long feedId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            UPDATE calendar_feeds f SET revoked_at = coalesce(f.revoked_at, @now)
            WHERE f.id = @id AND f.account_id = @account
            RETURNING {FeedColumns}
            """);
        command.Parameters.AddWithValue("id", feedId);
        command.Parameters.AddWithValue("account", accountId);
        command.Parameters.AddWithValue("now", now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadFeed(reader) : null;
    }

    /// <summary>Every feed the account has issued, revoked ones included, newest first.</summary>
    public async Task<IReadOnlyList<CalendarFeed>> ListAsync(long accountId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {FeedColumns} FROM calendar_feeds f WHERE f.account_id = @account ORDER BY f.created_at DESC, f.id DESC
            """);
        command.Parameters.AddWithValue("account", accountId);
        var feeds = new List<CalendarFeed>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            feeds.Add(ReadFeed(reader));
        }
        return feeds;
    }

    /// <summary>The live feed with this token and its owner, or null for an unknown or revoked token or an owner no longer live (disabled, or a removed member of staff).</summary>
    public async Task<FeedSubscription?> FindLiveAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!FeedKey.LooksLikeToken(token))
        {
            return null;
        }
        await using var command = dataSource.CreateCommand($"""
            SELECT f.id, f.scope, f.subject_id, f.created_at, f.last_etag, f.last_modified,
                   a.id, a.name, a.email, a.school_urn, a.staff_id, a.leader_id,
                   ARRAY(SELECT r.role FROM account_roles r WHERE r.account_id = a.id ORDER BY r.role)
            FROM calendar_feeds f JOIN accounts a ON a.id = f.account_id
            WHERE f.token_hash = @hash AND f.revoked_at IS NULL AND {AccountStatus.LiveSql}
            """);
        command.Parameters.AddWithValue("hash", FeedKey.HashOf(token));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var owner = new Viewer(
            reader.GetInt64(6),
            reader.GetString(7),
            reader.GetString(8),
            reader.GetFieldValue<string[]>(12).Select(Enum.Parse<Role>).ToHashSet(),
            reader.IsDBNull(9) ? null : reader.GetString(9),
            reader.IsDBNull(10) ? null : reader.GetInt64(10),
            reader.IsDBNull(11) ? null : reader.GetInt64(11));
        return new FeedSubscription(
            reader.GetInt64(0),
            Enum.Parse<FeedScope>(reader.GetString(1)),
            reader.GetString(2),
            owner,
            reader.GetFieldValue<DateTimeOffset>(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5));
    }

    /// <summary>
    /// Records that the feed now has a body with <paramref name="etag"/> and returns its Last-Modified.
    /// When the body changed, Last-Modified moves to now, and always at least a second past the
    /// previous value so that HTTP's one-second resolution still tells the versions apart.
    /// </summary>
    public async Task<DateTimeOffset> RecordBodyAsync(FeedSubscription feed, string etag, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (feed.LastETag == etag && feed.LastModified is { } unchanged)
        {
            return unchanged;
        }
        await using var command = dataSource.CreateCommand("""
            UPDATE calendar_feeds
            SET last_etag = @etag,
                last_modified = greatest(date_trunc('second', @now), date_trunc('second', last_modified) + interval '1 second')
            WHERE id = @id AND last_etag IS DISTINCT FROM @etag
            RETURNING last_modified
            """);
        command.Parameters.AddWithValue("id", feed.Id);
        command.Parameters.AddWithValue("etag", etag);
        command.Parameters.AddWithValue("now", now);
        if (await command.ExecuteScalarAsync(cancellationToken) is DateTime updated)
        {
            return new DateTimeOffset(DateTime.SpecifyKind(updated, DateTimeKind.Utc));
        }
        // Another silo recorded the same body a moment ago: use what it wrote.
        await using var read = dataSource.CreateCommand("SELECT last_modified FROM calendar_feeds WHERE id = @id");
        read.Parameters.AddWithValue("id", feed.Id);
        return new DateTimeOffset(DateTime.SpecifyKind((DateTime)(await read.ExecuteScalarAsync(cancellationToken))!, DateTimeKind.Utc));
    }

    private CalendarFeed ReadFeed(NpgsqlDataReader reader) => links.Describe(
        reader.GetInt64(0),
        Enum.Parse<FeedScope>(reader.GetString(1)),
        reader.GetString(2),
        reader.GetFieldValue<byte[]>(3),
        reader.GetFieldValue<DateTimeOffset>(4),
        reader.GetBoolean(5));
}
