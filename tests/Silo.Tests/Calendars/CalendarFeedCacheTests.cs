using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using InclusionNetwork.Grains.Calendars;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InclusionNetwork.Silo.Tests.Calendars;

/// <summary>
/// A feed is rendered once per change: polls of an unchanged feed, 200 or 304, serve the kept
/// body without rendering (seen in the silo's rendering count and the row's rendered_at), a
/// change the feed does not show re-reads but does not re-render, a write that cannot appear in the
/// feed leaves its version alone (not even a re-read), and a change of each kind the feed shows (a
/// booking, a run cancelled or moved, a visit, a meeting, a name) is in the next poll. Another
/// place taken on a run (its counts) and a place on a waiting list show in no feed. While the
/// silo hears committed changes, a poll of a feed it has served asks the database nothing at all;
/// without them, it is the one prepared lookup.
/// </summary>
[Collection(PostgresCollection.Second)]
public sealed class CalendarFeedCacheTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Polls_of_an_unchanged_feed_are_served_from_the_kept_body_without_rendering()
    {
        await using var feeds = await FeedTestSilo.StartAsync(postgres);
        var server = feeds.Silo.Services.GetRequiredService<CalendarFeedServer>();
        var feed = await feeds.CreateFeedAsync(CalendarSeed.BookerEmail(feeds.Seed.SchoolA), FeedScope.SCHOOL, feeds.Seed.SchoolA);
        var path = FeedTestSilo.PathOf(feed);

        var (first, firstBody) = await feeds.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var renderings = server.Renderings;
        var renderedAt = await RenderedAtAsync(feeds, feed);
        Assert.NotNull(renderedAt);

        feeds.Clock.Advance(TimeSpan.FromHours(3));
        var (again, againBody) = await feeds.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(firstBody, againBody);
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        var (notModified, _) = await feeds.GetAsync(path, r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(renderings, server.Renderings);
        Assert.Equal(renderedAt, await RenderedAtAsync(feeds, feed));

        // The silo hears every committed change, so the poll asks the database nothing.
        var token = Path.GetFileNameWithoutExtension(path);
        for (var i = 0; i < 3; i++)
        {
            ServedFeed? served = null;
            Assert.Empty(await CommandsRunByAsync(async () => served = await server.ServeAsync(token)));
            Assert.Equal(first.Headers.ETag!.ToString(), served!.ETag);
            Assert.Equal(firstBody, (await served.ReadBodyAsync()).Body);
        }

        // A silo that does not hear changes (its listening connection down) asks the database every
        // time: one statement, prepared, and nothing else: no second query and no write.
        var services = feeds.Silo.Services;
        using var deaf = new CalendarFeedServer(
            services.GetRequiredService<CalendarFeedStore>(), services.GetRequiredService<FeedAccess>(), services.GetRequiredService<CalendarFeedRenderer>(),
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CalendarFeedOptions>>(), services.GetRequiredService<Grains.Common.DomainClock>(),
            new FeedChanges());
        Assert.NotNull(await deaf.ServeAsync(token));
        for (var i = 0; i < 3; i++)
        {
            var commands = await CommandsRunByAsync(async () => Assert.NotNull(await deaf.ServeAsync(token)));
            var command = Assert.Single(commands);
            Assert.Contains("FROM calendar_feeds f JOIN accounts a", command.Text, StringComparison.Ordinal);
            Assert.True(command.Prepared, $"Poll {i + 1}'s lookup was not a prepared statement.");
        }

        // A rare change (another school's name) moves the global version every feed adds in: the feed's events
        // are read again, found the same, and the kept body stays, still without rendering.
        var versionBefore = await ScalarAsync<long>(feeds, "SELECT sum(version)::bigint FROM calendar_content_versions");
        await ExecuteAsync(feeds, "UPDATE schools SET name = name || ' Academy' WHERE urn = (SELECT min(urn) FROM schools WHERE urn NOT IN (@a, @b))",
            ("a", feeds.Seed.SchoolA), ("b", feeds.Seed.SchoolB));
        Assert.True(await ScalarAsync<long>(feeds, "SELECT sum(version)::bigint FROM calendar_content_versions") > versionBefore);
        var (afterUnrelated, afterUnrelatedBody) = await feeds.GetAsync(path, r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NotModified, afterUnrelated.StatusCode);
        Assert.Empty(afterUnrelatedBody);
        Assert.Equal(renderings, server.Renderings);
        Assert.Equal(renderedAt, await RenderedAtAsync(feeds, feed));
    }

    [Fact]
    public async Task A_change_of_each_kind_the_feed_shows_is_in_the_next_poll_rendered_once()
    {
        await using var feeds = await FeedTestSilo.StartAsync(postgres);
        var seed = feeds.Seed;
        var server = feeds.Silo.Services.GetRequiredService<CalendarFeedServer>();
        var feed = await feeds.CreateFeedAsync(CalendarSeed.BookerEmail(seed.SchoolA), FeedScope.SCHOOL, seed.SchoolA);
        var text = await feeds.FetchAsync(feed);

        var changes = new (string Kind, string Sql, (string, object)[] Parameters, Func<string, bool> Shows)[]
        {
            ("a booking given up", "UPDATE bookings SET status = 'CANCELLED', cancelled_at = @now, cancellation = 'CANCELLED', sequence = sequence + 1, updated_at = @now WHERE id = @id",
                [("id", seed.BookingA1)], t => t.Contains("the place was given up", StringComparison.Ordinal)),
            ("a run moved", "UPDATE course_sessions SET starts_at = starts_at + interval '1 day', ends_at = ends_at + interval '1 day', sequence = sequence + 1, updated_at = @now WHERE id = @id",
                [("id", seed.SessionIds[0])], t => t.Contains("DTSTART;TZID=Europe/London:20260330T093000", StringComparison.Ordinal)),
            ("a run cancelled", "UPDATE course_runs SET status = 'CANCELLED', cancelled_at = @now, cancel_reason = 'Trainer unwell', sequence = sequence + 1, updated_at = @now WHERE id = @id",
                [("id", seed.RunId)], t => t.Contains("Reason: Trainer unwell", StringComparison.Ordinal)),
            ("a visit moved", "UPDATE review_visits SET visit_date = DATE '2026-04-21', sequence = sequence + 1, updated_at = @now WHERE id = @id",
                [("id", seed.VisitHostedByA)], t => t.Contains("DTSTART;VALUE=DATE:20260421", StringComparison.Ordinal)),
            ("a meeting renamed", "UPDATE meetings SET title = 'Spring forum, moved online', sequence = sequence + 1, updated_at = @now WHERE id = @id",
                [("id", seed.MeetingId)], t => t.Contains("Spring forum\\, moved online", StringComparison.Ordinal)),
            ("a reviewer's name", "UPDATE staff SET name = 'Morwenna Tregarthen' WHERE id = (SELECT min(staff_id) FROM visit_reviewers WHERE visit_id = @id AND school_urn = @urn)",
                [("id", seed.VisitHostedByB), ("urn", seed.SchoolA)], t => t.Contains("Morwenna Tregarthen", StringComparison.Ordinal)),
            ("the school's name", "UPDATE schools SET name = 'Harbourside Primary' WHERE urn = @urn",
                [("urn", seed.SchoolA)], t => t.Contains("X-WR-CALNAME:InclusionNetwork – Harbourside Primary", StringComparison.Ordinal)),
        };
        foreach (var (kind, sql, parameters, showsUnfolded) in changes)
        {
            // Lines are folded at 75 octets: look for the change in the unfolded text.
            bool shows(string feedText) => showsUnfolded(feedText.Replace("\r\n ", "", StringComparison.Ordinal));
            Assert.False(shows(text), $"The feed already shows {kind} before it happened.");
            feeds.Clock.Advance(TimeSpan.FromMinutes(10));
            var renderings = server.Renderings;
            await ExecuteAsync(feeds, sql, parameters);

            var changed = await feeds.FetchAsync(feed);
            Assert.True(shows(changed), $"The feed does not show {kind}:\n{changed}");
            Assert.NotEqual(text, changed);
            Assert.Equal(renderings + 1, server.Renderings);
            Assert.Equal(changed, await feeds.FetchAsync(feed));
            Assert.Equal(renderings + 1, server.Renderings);
            text = changed;
        }
    }

    [Fact]
    public async Task A_write_the_feed_cannot_show_leaves_its_version_alone_and_one_it_can_show_moves_it()
    {
        await using var feeds = await FeedTestSilo.StartAsync(postgres);
        var seed = feeds.Seed;
        var server = feeds.Silo.Services.GetRequiredService<CalendarFeedServer>();
        var store = feeds.Silo.Services.GetRequiredService<CalendarFeedStore>();
        // School B: not in the SENCO forum (only school A is), no place on the cancelled run (only A's staff).
        var feed = await feeds.CreateFeedAsync(CalendarSeed.BookerEmail(seed.SchoolB), FeedScope.SCHOOL, seed.SchoolB);
        var token = Path.GetFileNameWithoutExtension(FeedTestSilo.PathOf(feed));
        var first = await server.ServeAsync(token);
        Assert.NotNull(first);
        var renderings = server.Renderings;
        var version = (await store.FindLiveAsync(token))!.ContentVersion;
        Assert.Equal(version, await ScalarAsync<long>(feeds, "SELECT rendered_version FROM calendar_feeds WHERE id = @id", ("id", feed.Id)));

        var unrelated = new (string Kind, string Sql, long Id)[]
        {
            ("school A's booking", "UPDATE bookings SET sequence = sequence + 1, updated_at = @now WHERE id = @id", seed.BookingA1),
            ("a meeting of a network school B is not in", "UPDATE meetings SET title = 'Forum, moved online', sequence = sequence + 1, updated_at = @now WHERE id = @id", seed.MeetingId),
            ("a run school B has no place on", "UPDATE course_sessions SET sequence = sequence + 1, updated_at = @now WHERE run_id = @id", seed.CancelledRunId),
            // What every booking does to its run's row: its counts and version move, nothing a feed shows.
            ("the counts of the run school B has a place on", "UPDATE course_runs SET waitlisted_count = waitlisted_count + 1, version = version + 1, updated_at = @now WHERE id = @id", seed.RunId),
            ("a place on that run's waiting list for school B", """
                INSERT INTO bookings (run_id, staff_id, school_urn, status, booked_at, updated_at)
                SELECT b.run_id, s.id, s.school_urn, 'WAITLISTED', @now, @now
                FROM bookings b JOIN staff s ON s.school_urn = b.school_urn AND s.id <> b.staff_id AND s.removed_at IS NULL
                WHERE b.staff_id = @id AND b.status = 'CONFIRMED'
                ORDER BY s.id LIMIT 1
                """, seed.StaffB1),
        };
        foreach (var (kind, sql, id) in unrelated)
        {
            feeds.Clock.Advance(TimeSpan.FromMinutes(10));
            await ExecuteAsync(feeds, sql, ("id", id));
            Assert.True(version == (await store.FindLiveAsync(token))!.ContentVersion, $"{kind} moved school B's feed version.");
            // The notice of it (heard before the poll) names other feeds: still served from memory, no query.
            ServedFeed? served = null;
            var commands = await CommandsRunByAsync(async () => served = await server.ServeAsync(token));
            Assert.True(commands.Count == 0, $"After {kind} the poll ran {commands.Count} commands: {string.Join(" | ", commands.Select(c => c.Text))}");
            Assert.Equal(first.ETag, served!.ETag);
            Assert.Equal(renderings, server.Renderings);
        }

        var related = new (string Kind, string Sql, long Id, string Shows)[]
        {
            ("school B's booking given up", "UPDATE bookings SET status = 'CANCELLED', cancelled_at = @now, cancellation = 'CANCELLED', sequence = sequence + 1, updated_at = @now WHERE staff_id = @id AND status = 'CONFIRMED'",
                seed.StaffB1, "the place was given up"),
            ("a meeting of school B's cluster", "UPDATE meetings SET title = 'Cluster meeting, moved to the library', sequence = sequence + 1, updated_at = @now WHERE id = @id",
                seed.CancelledMeetingId, "Cluster meeting\\, moved to the library"),
        };
        var etag = first.ETag;
        foreach (var (kind, sql, id, shows) in related)
        {
            feeds.Clock.Advance(TimeSpan.FromMinutes(10));
            await ExecuteAsync(feeds, sql, ("id", id));
            var moved = (await store.FindLiveAsync(token))!.ContentVersion;
            Assert.True(moved > version, $"{kind} did not move school B's feed version.");
            version = moved;
            var served = await server.ServeAsync(token);
            Assert.NotEqual(etag, served!.ETag);
            etag = served.ETag;
            var text = System.Text.Encoding.UTF8.GetString((await served.ReadBodyAsync()).Body).Replace("\r\n ", "", StringComparison.Ordinal);
            Assert.Contains(shows, text, StringComparison.Ordinal);
            Assert.Equal(++renderings, server.Renderings);
        }
    }

    [Fact]
    public async Task Writers_reaching_the_same_feeds_in_opposite_orders_do_not_wait_for_each_other()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateMigratedDatabaseAsync());
        await using var first = await dataSource.OpenConnectionAsync();
        await using var second = await dataSource.OpenConnectionAsync();
        await using var one = await first.BeginTransactionAsync();
        await using var two = await second.BeginTransactionAsync();
        async Task TouchAsync(NpgsqlConnection connection, string urn)
        {
            // A wait would fail here (lock_timeout) rather than hang or deadlock.
            await using var command = new NpgsqlCommand("SET LOCAL lock_timeout = '5s'; SELECT calendar_scope_changed('SCHOOL', @urn)", connection);
            command.Parameters.AddWithValue("urn", urn);
            await command.ExecuteNonQueryAsync();
        }
        await TouchAsync(first, "100001");
        await TouchAsync(second, "100002");
        await TouchAsync(first, "100002");
        await TouchAsync(second, "100001");
        // Twice in one transaction counts once.
        await TouchAsync(second, "100001");
        await one.CommitAsync();
        await two.CommitAsync();

        await using var sums = dataSource.CreateCommand("""
            SELECT subject_id, sum(version)::bigint, count(*) FROM calendar_scope_versions WHERE scope = 'SCHOOL' GROUP BY subject_id ORDER BY subject_id
            """);
        await using var reader = await sums.ExecuteReaderAsync();
        var rows = new List<(string, long, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        }
        // Each key was bumped once by each writer, each in a row of its own.
        Assert.Equal([("100001", 2L, 2L), ("100002", 2L, 2L)], rows);
    }

    [Fact]
    public async Task A_second_silo_serves_the_body_the_first_kept_and_each_sees_the_others_changes()
    {
        await using var feeds = await FeedTestSilo.StartAsync(postgres);
        var services = feeds.Silo.Services;
        var first = services.GetRequiredService<CalendarFeedServer>();
        // A second server on the same database with its own memory and counts: what another silo holds.
        using var second = new CalendarFeedServer(
            services.GetRequiredService<CalendarFeedStore>(), services.GetRequiredService<FeedAccess>(), services.GetRequiredService<CalendarFeedRenderer>(),
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CalendarFeedOptions>>(), services.GetRequiredService<Grains.Common.DomainClock>(),
            new FeedChanges());
        var feed = await feeds.CreateFeedAsync(CalendarSeed.LeaderEmail, FeedScope.LEADER);
        var token = Path.GetFileNameWithoutExtension(FeedTestSilo.PathOf(feed));

        var rendered = await first.ServeAsync(token);
        var firstBody = await rendered!.ReadBodyAsync();
        Assert.Equal(1, first.Renderings);
        var elsewhere = await second.ServeAsync(token);
        Assert.Equal(rendered.ETag, elsewhere!.ETag);
        Assert.Equal(firstBody.Body, (await elsewhere.ReadBodyAsync()).Body);
        Assert.Equal(0, second.Renderings);

        // A change served first by the second silo: the first then serves the second's body without rendering.
        feeds.Clock.Advance(TimeSpan.FromMinutes(5));
        await ExecuteAsync(feeds, "UPDATE meetings SET title = 'Planning, moved to the library', sequence = sequence + 1, updated_at = @now WHERE id = @id",
            ("id", feeds.Seed.CancelledMeetingId));
        var changed = await second.ServeAsync(token);
        var changedBody = await changed!.ReadBodyAsync();
        Assert.Equal(1, second.Renderings);
        Assert.NotEqual(rendered.ETag, changed.ETag);
        Assert.True(changed.LastModified > rendered.LastModified);
        var back = await first.ServeAsync(token);
        Assert.Equal(changed.ETag, back!.ETag);
        Assert.Equal(changedBody.Body, (await back.ReadBodyAsync()).Body);
        Assert.Equal(1, first.Renderings);
    }

    /// <summary>
    /// The database commands <paramref name="call"/> runs, as Npgsql traces them: only those under an
    /// activity of the call's own, so the silo's background queries and other tests are not counted.
    /// </summary>
    internal static async Task<IReadOnlyList<(string Text, bool Prepared)>> CommandsRunByAsync(Func<Task> call)
    {
        var commands = new System.Collections.Concurrent.ConcurrentQueue<(string, bool)>();
        using var parent = new Activity("feed poll");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "Npgsql" && activity.TraceId == parent.TraceId && activity.GetTagItem("db.query.text") is string text)
                {
                    commands.Enqueue((text, activity.GetTagItem("db.npgsql.prepared") is true or "true"));
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        parent.SetIdFormat(ActivityIdFormat.W3C);
        parent.Start();
        try
        {
            await call();
        }
        finally
        {
            parent.Stop();
        }
        return [.. commands];
    }

    private static Task<DateTimeOffset?> RenderedAtAsync(FeedTestSilo feeds, CalendarFeed feed) =>
        ScalarAsync<DateTimeOffset?>(feeds, "SELECT rendered_at FROM calendar_feeds WHERE id = @id", ("id", feed.Id));

    private static async Task<T> ScalarAsync<T>(FeedTestSilo feeds, string sql, params (string Name, object Value)[] parameters)
    {
        await using var dataSource = NpgsqlDataSource.Create(feeds.ConnectionString);
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return reader.IsDBNull(0) ? default! : reader.GetFieldValue<T>(0);
    }

    private static async Task ExecuteAsync(FeedTestSilo feeds, string sql, params (string Name, object Value)[] parameters)
    {
        await using var dataSource = NpgsqlDataSource.Create(feeds.ConnectionString);
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("now", feeds.Clock.GetUtcNow());
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        Assert.True(await command.ExecuteNonQueryAsync() > 0, $"Nothing was changed by: {sql}");
        // As a subscriber polling later would, the next poll finds the silo has heard of the change.
        await feeds.CatchUpAsync();
    }
}
