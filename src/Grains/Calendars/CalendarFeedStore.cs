using System.Security.Cryptography;
using InclusionNetwork.Grains.Accounts;
using Npgsql;

namespace InclusionNetwork.Grains.Calendars;

/// <summary>The calendar_feeds table: issuing, revoking, listing and finding feeds by token.</summary>
public sealed class CalendarFeedStore(NpgsqlDataSource dataSource, FeedKey key, FeedLinks links, FeedChanges changes)
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
        CalendarFeed? revoked;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            revoked = await reader.ReadAsync(cancellationToken) ? ReadFeed(reader) : null;
        }
        if (revoked is not null)
        {
            // Every silo hears of it at commit (migration 0042); this one need not wait for the notice,
            // so whoever revoked it sees 404 at once here.
            changes.Heard(FeedChanges.FeedKey(revoked.Id));
        }
        return revoked;
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

    /// <summary>
    /// The lookup behind every poll: the feed by its token hash (a unique index), its owner if still
    /// live, what the kept body was rendered for, and the feed's content version now: the global
    /// version (16 rows on one page) plus the feed's own (at most 16 rows of calendar_scope_versions,
    /// found by their primary key), so a write that cannot appear in this feed leaves it alone
    /// (migration 0022). Positional parameters, so Npgsql sends the text as it is without rewriting it.
    /// </summary>
    private const string FindLiveSql = $"""
        SELECT f.id, f.scope, f.subject_id, f.created_at, f.last_etag, f.last_modified,
               a.id, a.name, a.email, a.school_urn, a.staff_id, a.leader_id,
               ARRAY(SELECT r.role FROM account_roles r WHERE r.account_id = a.id ORDER BY r.role),
               f.rendered_version, f.rendered_for, f.rendered_hash, f.rendered_until,
               (SELECT sum(v.version) FROM calendar_content_versions v)::bigint
                 + coalesce((SELECT sum(s.version) FROM calendar_scope_versions s WHERE s.scope = f.scope AND s.subject_id = f.subject_id), 0)::bigint
        FROM calendar_feeds f JOIN accounts a ON a.id = f.account_id
        WHERE f.token_hash = $1 AND f.revoked_at IS NULL AND {AccountStatus.LiveSql}
        """;

    /// <summary>
    /// The live feed with this token and its owner, or null for an unknown or revoked token or an
    /// owner no longer live (disabled, or a removed member of staff). The same lookup reads what the
    /// kept body was rendered for and the content version now, so an unchanged feed costs this query alone:
    /// one round trip, no transaction, no write.
    /// </summary>
    public async Task<FeedSubscription?> FindLiveAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!FeedKey.LooksLikeToken(token))
        {
            return null;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(FindLiveSql, connection);
        command.Parameters.Add(new NpgsqlParameter<byte[]> { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bytea, TypedValue = FeedKey.HashOf(token) });
        // Every poll runs this statement, so it is a server-side prepared statement: Npgsql keeps it on
        // each pooled connection and prepares it only on that connection's first poll (after that this
        // sends nothing), so later polls skip parsing and planning. The pool does not auto-prepare
        // (Max Auto Prepare is off), which is why this statement is prepared explicitly.
        await command.PrepareAsync(cancellationToken);
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
        var rendered = reader.IsDBNull(13) || reader.IsDBNull(14) || reader.IsDBNull(15)
            ? null
            : new RenderedFeed(reader.GetInt64(13), reader.GetString(14), reader.GetFieldValue<byte[]>(15),
                reader.IsDBNull(16) ? null : reader.GetFieldValue<DateTimeOffset>(16));
        return new FeedSubscription(
            reader.GetInt64(0),
            Enum.Parse<FeedScope>(reader.GetString(1)),
            reader.GetString(2),
            owner,
            reader.GetFieldValue<DateTimeOffset>(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
            rendered,
            reader.GetInt64(17));
    }

    /// <summary>
    /// Keeps a newly rendered body and returns its Last-Modified. When the body changed, Last-Modified
    /// moves to now, and always at least a second past the previous value so that HTTP's one-second
    /// resolution still tells the versions apart. A body rendered at an older content version than
    /// the one kept (another silo was quicker with a newer change) is not kept.
    /// </summary>
    public async Task<DateTimeOffset> KeepRenderingAsync(FeedSubscription feed, byte[] body, string etag, RenderedFeed rendered, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE calendar_feeds
            SET last_modified = CASE WHEN last_etag IS DISTINCT FROM @etag OR last_modified IS NULL
                                     THEN greatest(date_trunc('second', @now), date_trunc('second', last_modified) + interval '1 second')
                                     ELSE last_modified END,
                last_etag = @etag, rendered_body = @body, rendered_at = @now,
                rendered_version = @version, rendered_for = @for, rendered_hash = @hash, rendered_until = @until
            WHERE id = @id AND (rendered_version IS NULL OR rendered_version <= @version)
            RETURNING last_modified
            """);
        command.Parameters.AddWithValue("id", feed.Id);
        command.Parameters.AddWithValue("etag", etag);
        command.Parameters.AddWithValue("body", body);
        command.Parameters.AddWithValue("now", now);
        AddRendered(command, rendered);
        if (await command.ExecuteScalarAsync(cancellationToken) is DateTime updated)
        {
            return new DateTimeOffset(DateTime.SpecifyKind(updated, DateTimeKind.Utc));
        }
        // Another silo kept a body of a newer change meanwhile: this one is served once, with its own time.
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    /// <summary>
    /// Marks the kept body as current at a newer content version or for a changed owner, when the
    /// events it was rendered from are the same (a change elsewhere, or one the feed does not show).
    /// </summary>
    public async Task ConfirmRenderingAsync(FeedSubscription feed, RenderedFeed rendered, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE calendar_feeds SET rendered_version = @version, rendered_for = @for, rendered_until = @until
            WHERE id = @id AND rendered_hash = @hash AND rendered_version <= @version
            """);
        command.Parameters.AddWithValue("id", feed.Id);
        AddRendered(command, rendered);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The kept body with its validators, or null when none is kept.</summary>
    public async Task<FeedBody?> ReadBodyAsync(long feedId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT rendered_body, last_etag, last_modified FROM calendar_feeds WHERE id = @id");
        command.Parameters.AddWithValue("id", feedId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || reader.IsDBNull(0) || reader.IsDBNull(1) || reader.IsDBNull(2))
        {
            return null;
        }
        return new FeedBody(reader.GetFieldValue<byte[]>(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2));
    }

    private static void AddRendered(NpgsqlCommand command, RenderedFeed rendered)
    {
        command.Parameters.AddWithValue("version", rendered.Version);
        command.Parameters.AddWithValue("for", rendered.For);
        command.Parameters.AddWithValue("hash", rendered.Hash);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("until", rendered.Until) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
    }

    private CalendarFeed ReadFeed(NpgsqlDataReader reader) => links.Describe(
        reader.GetInt64(0),
        Enum.Parse<FeedScope>(reader.GetString(1)),
        reader.GetString(2),
        reader.GetFieldValue<byte[]>(3),
        reader.GetFieldValue<DateTimeOffset>(4),
        reader.GetBoolean(5));
}
