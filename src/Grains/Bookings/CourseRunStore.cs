using InclusionNetwork.Grains.Courses;
using Npgsql;

namespace InclusionNetwork.Grains.Bookings;

/// <summary>
/// Reads a run's state and writes what commands changed, on the caller's connection (and
/// transaction, when it has one). Every write is guarded by the run row's version, so a state
/// read before someone else wrote (a duplicate activation while membership changes, a writer
/// outside the grains) writes nothing; the row lock (<c>SELECT ... FOR UPDATE</c>) is there
/// for the retry.
/// </summary>
public sealed class CourseRunStore
{
    /// <summary>
    /// Reads a run with its confirmed, offered and waitlisted bookings, the whole waiting list
    /// included; with <paramref name="forUpdate"/> under the run's row lock, held until the
    /// transaction ends.
    /// </summary>
    /// <returns>The run's state, or null when there is no such run.</returns>
    public async Task<CourseRunState?> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, long runId, bool forUpdate, CancellationToken cancellationToken = default)
    {
        // One round trip, two statements: under the lock, the second takes its snapshot after
        // the first holds it, so it sees every booking the previous holder committed.
        await using var batch = new NpgsqlBatch(connection, transaction);
        var lockRun = new NpgsqlBatchCommand($"""
            SELECT {CourseRunQueries.RunColumns}, c.provider_account_id, r.version
            FROM course_runs r JOIN courses c ON c.id = r.course_id
            WHERE r.id = @id
            {(forUpdate ? "FOR UPDATE OF r" : "")}
            """);
        lockRun.Parameters.AddWithValue("id", runId);
        var readBookings = new NpgsqlBatchCommand("""
            SELECT id, staff_id, school_urn, status, booked_at, confirmed_at, offered_at, offer_expires_at
            FROM bookings
            WHERE run_id = @id AND status IN ('CONFIRMED', 'OFFERED', 'WAITLISTED')
            ORDER BY id
            """);
        readBookings.Parameters.AddWithValue("id", runId);
        batch.BatchCommands.Add(lockRun);
        batch.BatchCommands.Add(readBookings);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var run = CourseRunQueries.ReadRun(reader);
        long? provider = reader.IsDBNull(15) ? null : reader.GetInt64(15);
        var version = reader.GetInt32(16);
        await reader.NextResultAsync(cancellationToken);
        var bookings = new List<LiveBooking>();
        while (await reader.ReadAsync(cancellationToken))
        {
            bookings.Add(new LiveBooking(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), Enum.Parse<BookingStatus>(reader.GetString(3)),
                reader.GetFieldValue<DateTimeOffset>(4))
            {
                ConfirmedAt = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                OfferedAt = reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                OfferExpiresAt = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
            });
        }
        return new CourseRunState(run, provider, version, bookings);
    }

    /// <summary>
    /// Writes new and changed bookings and the run's counts (and status, when it changed),
    /// provided the run is still at the version the state was read at and every person booked
    /// without their staff row read (<see cref="LiveBooking.UncheckedStaff"/>) is bookable. New
    /// bookings get their ids and schools. Nothing is written when nothing changed.
    /// </summary>
    /// <remarks>
    /// One statement, so one round trip and atomic without an explicit transaction: the run's
    /// update carries the version check, and the bookings' insert and update join it, so
    /// nothing about the bookings is written at a stale version either. Pass
    /// <paramref name="transaction"/> when the run was read under its row lock.
    /// </remarks>
    public async Task<SaveOutcome> SaveAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CourseRunState state, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var changed = state.Bookings.Where(b => b.Changed && !b.IsNew).ToList();
        var added = state.Bookings.Where(b => b.IsNew).ToList();
        if (changed.Count == 0 && added.Count == 0 && !state.RunChanged && state.MovedSession is null)
        {
            return SaveOutcome.Unchanged;
        }
        await using var write = new NpgsqlCommand("""
            WITH run AS (
                UPDATE course_runs SET confirmed_count = @confirmed, offered_count = @offered, waitlisted_count = @waitlisted,
                    status = @status, cancelled_at = @cancelled_at, cancel_reason = coalesce(@cancel_reason, cancel_reason),
                    starts_at = @starts_at, ends_at = @ends_at, booking_closes_at = @booking_closes_at,
                    updated_at = @now, version = version + 1, sequence = sequence + @sequence_step
                WHERE id = @id AND version = @expected
                    -- People booked without their staff row read first: written only if each
                    -- exists, is on the staff, and is at the school expected (a booker's own).
                    AND NOT EXISTS (
                        SELECT 1 FROM unnest(@new_staff::bigint[], @new_unchecked::boolean[], @new_expected_school::text[]) AS u(id, unchecked, school)
                        LEFT JOIN staff s ON s.id = u.id
                        WHERE u.unchecked AND (s.id IS NULL OR s.removed_at IS NOT NULL OR (u.school IS NOT NULL AND s.school_urn <> u.school)))
                RETURNING id
            ), inserted AS (
                INSERT INTO bookings (run_id, staff_id, school_urn, status, booked_at, booked_by, confirmed_at, updated_at)
                SELECT run.id, t.staff_id, coalesce(t.school_urn, (SELECT s.school_urn FROM staff s WHERE s.id = t.staff_id)), t.status, @now,
                       t.booked_by, CASE WHEN t.status = 'CONFIRMED' THEN @now END, @now
                FROM unnest(@new_staff::bigint[], @new_school::text[], @new_status::text[], @new_booked_by::bigint[])
                    WITH ORDINALITY AS t(staff_id, school_urn, status, booked_by, n), run
                -- Ids in the order the rules placed them: the waiting list is read back in id order.
                ORDER BY t.n
                RETURNING id, staff_id, school_urn
            ), updated AS (
                UPDATE bookings b SET status = t.status, confirmed_at = t.confirmed_at, offered_at = t.offered_at,
                    offer_expires_at = t.offer_expires_at, cancelled_at = t.cancelled_at, cancellation = t.cancellation,
                    cancel_reason = t.cancel_reason, updated_at = @now, sequence = b.sequence + 1
                FROM unnest(@ids::bigint[], @statuses::text[], @confirmed_at::timestamptz[], @offered_at::timestamptz[],
                        @offer_expires_at::timestamptz[], @cancelled_at_each::timestamptz[], @cancellation::text[], @cancel_reasons::text[])
                    AS t(id, status, confirmed_at, offered_at, offer_expires_at, cancelled_at, cancellation, cancel_reason), run
                WHERE b.id = t.id AND b.run_id = run.id
                RETURNING b.id
            ), moved AS (
                -- A moved session's own SEQUENCE rises, so calendars take its new time.
                UPDATE course_sessions s SET starts_at = @session_starts_at, ends_at = @session_ends_at, updated_at = @now, sequence = s.sequence + 1
                FROM run
                WHERE s.id = @session AND s.run_id = run.id
                RETURNING s.sequence
            )
            SELECT (SELECT count(*) FROM run), i.id, i.staff_id, i.school_urn, (SELECT m.sequence FROM moved m)
            FROM (SELECT 1) AS one LEFT JOIN inserted i ON true
            """, connection, transaction);
        write.Parameters.AddWithValue("id", state.Run.Id);
        write.Parameters.AddWithValue("expected", state.Version);
        write.Parameters.AddWithValue("confirmed", state.Bookings.Count(b => b.Status == BookingStatus.CONFIRMED));
        write.Parameters.AddWithValue("offered", state.Bookings.Count(b => b.Status == BookingStatus.OFFERED));
        write.Parameters.AddWithValue("waitlisted", state.WaitlistedCount);
        write.Parameters.AddWithValue("status", state.Run.Cancelled ? "CANCELLED" : "SCHEDULED");
        write.Parameters.AddWithValue("cancelled_at", NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)state.Run.CancelledAt ?? DBNull.Value);
        write.Parameters.AddWithValue("cancel_reason", NpgsqlTypes.NpgsqlDbType.Text, (object?)state.CancelReason ?? DBNull.Value);
        write.Parameters.AddWithValue("now", now);
        write.Parameters.AddWithValue("starts_at", state.Run.StartsAt);
        write.Parameters.AddWithValue("ends_at", state.Run.EndsAt);
        write.Parameters.AddWithValue("booking_closes_at", state.Run.BookingClosesAt);
        var move = state.MovedSession;
        write.Parameters.AddWithValue("session", move?.SessionId ?? 0L);
        write.Parameters.AddWithValue("session_starts_at", NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)move?.StartsAt ?? DBNull.Value);
        write.Parameters.AddWithValue("session_ends_at", NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)move?.EndsAt ?? DBNull.Value);
        // Only a change a calendar shows (here: cancellation) moves the run's SEQUENCE.
        write.Parameters.AddWithValue("sequence_step", state.RunChanged ? 1 : 0);
        write.Parameters.AddWithValue("new_staff", added.Select(b => b.StaffId).ToArray());
        // An unchecked person's school comes from their row.
        write.Parameters.AddWithValue("new_school", added.Select(b => b.UncheckedStaff ? null : b.SchoolUrn).ToArray());
        write.Parameters.AddWithValue("new_unchecked", added.Select(b => b.UncheckedStaff).ToArray());
        write.Parameters.AddWithValue("new_expected_school", added.Select(b => b.ExpectedSchoolUrn).ToArray());
        write.Parameters.AddWithValue("new_status", added.Select(b => b.Status.ToString()).ToArray());
        write.Parameters.AddWithValue("new_booked_by", added.Select(b => b.BookedBy).ToArray());
        write.Parameters.AddWithValue("ids", changed.Select(b => b.Id).ToArray());
        write.Parameters.AddWithValue("statuses", changed.Select(b => b.Status.ToString()).ToArray());
        write.Parameters.AddWithValue("confirmed_at", changed.Select(b => b.ConfirmedAt).ToArray());
        write.Parameters.AddWithValue("offered_at", changed.Select(b => b.OfferedAt).ToArray());
        write.Parameters.AddWithValue("offer_expires_at", changed.Select(b => b.OfferExpiresAt).ToArray());
        write.Parameters.AddWithValue("cancelled_at_each", changed.Select(b => b.CancelledAt).ToArray());
        write.Parameters.AddWithValue("cancellation", changed.Select(b => b.Cancellation?.ToString()).ToArray());
        write.Parameters.AddWithValue("cancel_reasons", changed.Select(b => b.CancelReason).ToArray());
        // Every write of every run sends this statement, and planning it cost about as much as
        // running it: prepared, each pooled connection plans it once (see CalendarFeedStore).
        await write.PrepareAsync(cancellationToken);
        var ids = new Dictionary<long, (long Id, string SchoolUrn)>();
        long runsWritten = 0;
        int? movedSequence = null;
        await using (var reader = await write.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                runsWritten = reader.GetInt64(0);
                movedSequence = reader.IsDBNull(4) ? null : reader.GetInt32(4);
                if (!reader.IsDBNull(1))
                {
                    ids[reader.GetInt64(2)] = (reader.GetInt64(1), reader.GetString(3));
                }
            }
        }
        if (runsWritten != 1)
        {
            // Someone else wrote the run since it was read, or a person booked without their
            // staff row read is not bookable: the statement wrote nothing.
            return SaveOutcome.Stale;
        }
        foreach (var booking in added)
        {
            (booking.Id, booking.SchoolUrn) = ids[booking.StaffId];
        }
        if (move is not null)
        {
            move.Sequence = movedSequence ?? throw new InvalidOperationException($"Session {move.SessionId} is not on run {state.Run.Id}.");
        }
        return SaveOutcome.Written;
    }
}

/// <summary>What <see cref="CourseRunStore.SaveAsync"/> did.</summary>
public enum SaveOutcome
{
    /// <summary>Nothing had changed, so nothing was written.</summary>
    Unchanged,

    /// <summary>The run and its bookings were written, and the run's version moved on by one.</summary>
    Written,

    /// <summary>The run was no longer at the version read, or a person booked unchecked failed their check; nothing was written.</summary>
    Stale,
}
