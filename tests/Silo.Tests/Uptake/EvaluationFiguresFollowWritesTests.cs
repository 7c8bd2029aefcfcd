using InclusionNetwork.Grains.Uptake;
using InclusionNetwork.TestSupport;
using Npgsql;

namespace InclusionNetwork.Silo.Tests.Uptake;

/// <summary>
/// The evaluation figures read attendee_answers, a summary kept by triggers (migration 0045).
/// Each kind of write those triggers watch is made here directly in SQL, as any writer could,
/// on <see cref="UptakeCounty"/>; after each, the county's 2025/26 figure is what the writes
/// make it by hand, and the summary holds exactly the rows its definition gives from the tables.
/// </summary>
/// <remarks>
/// 2025/26 before any write (responses, good or excellent, knowledge, confidence, follow-ups,
/// implemented): 6, 4, 4, 3, 5, 3. Staff 12 (D1) completed both sessions of R4 (ends 9 March
/// 2026) and has no answer; staff 23's evaluation of R8 (EXCELLENT, STRONGLY_AGREE twice) does
/// not count because 23 was marked absent from R8's one session; staff 72 (A2) evaluated R8
/// (EXCELLENT, STRONGLY_AGREE twice) and followed it up (FULLY).
/// </remarks>
[Collection(PostgresCollection.Name)]
public sealed class EvaluationFiguresFollowWritesTests(PostgresFixture postgres)
{
    private static readonly EvaluationSummary Before = new(6, 4, 4, 3, 5, 3);

    private const string Booking12OnR4 = "(SELECT id FROM bookings WHERE run_id = 4 AND staff_id = 12)";
    private const string Booking23OnR8 = "(SELECT id FROM bookings WHERE run_id = 8 AND staff_id = 23)";
    private const string Booking72OnR8 = "(SELECT id FROM bookings WHERE run_id = 8 AND staff_id = 72)";

    [Fact]
    public async Task Every_write_to_answers_attendance_and_bookings_moves_the_figures_at_once()
    {
        await using var database = NpgsqlDataSource.Create(await postgres.CreateMigratedDatabaseAsync());
        await UptakeCounty.SeedAsync(database);
        var clock = new ManualClock(UptakeCounty.Now);
        var query = new EvaluationSummaryQuery(database);

        async Task AfterAsync(string write, EvaluationSummary year)
        {
            await using (var command = database.CreateCommand(write))
            {
                await command.ExecuteNonQueryAsync();
            }
            Assert.Equal(year, await query.RunAsync(UptakePeriod.For("2025/26", clock), CourseFilter.None));
            await using var drift = database.CreateCommand("""
                WITH defined AS (
                    SELECT b.id, b.run_id, b.school_urn, e.submitted_at AS evaluated_at, e.content, e.knowledge_improved,
                           e.confidence_improved, f.submitted_at AS followed_up_at, f.implemented
                    FROM bookings b
                    LEFT JOIN evaluations e ON e.booking_id = b.id
                    LEFT JOIN follow_ups f ON f.booking_id = b.id
                    WHERE (e.booking_id IS NOT NULL OR f.booking_id IS NOT NULL)
                      AND EXISTS (SELECT 1 FROM attendance a WHERE a.booking_id = b.id AND a.present)),
                kept AS (
                    SELECT booking_id, run_id, school_urn, evaluated_at, content, knowledge_improved,
                           confidence_improved, followed_up_at, implemented
                    FROM attendee_answers)
                SELECT (SELECT count(*) FROM (SELECT * FROM defined EXCEPT SELECT * FROM kept) missing)
                     + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM defined) extra)
                """);
            Assert.Equal(0L, (long)(await drift.ExecuteScalarAsync())!);
        }

        await AfterAsync("SELECT 1", Before);

        // An evaluation given after the end of quarter 2 counts for the year, not for the quarter.
        await AfterAsync($"""
            INSERT INTO evaluations (booking_id, content, knowledge_improved, confidence_improved, submitted_at)
            VALUES ({Booking12OnR4}, 'EXCELLENT', 'AGREE', 'NEUTRAL', '2026-03-10T10:00:00Z')
            """, new(7, 5, 5, 3, 5, 3));
        Assert.Equal(Before, await query.RunAsync(UptakePeriod.For("2025/26", clock, quarter: 2), CourseFilter.None));
        await AfterAsync($"UPDATE evaluations SET content = 'POOR', confidence_improved = 'AGREE' WHERE booking_id = {Booking12OnR4}",
            new(7, 4, 5, 4, 5, 3));
        await AfterAsync($"""
            INSERT INTO follow_ups (booking_id, implemented, submitted_at) VALUES ({Booking12OnR4}, 'FULLY', '2026-04-20T10:00:00Z')
            """, new(7, 4, 5, 4, 6, 4));
        await AfterAsync($"UPDATE follow_ups SET implemented = 'NOT_YET' WHERE booking_id = {Booking12OnR4}", new(7, 4, 5, 4, 6, 3));

        // Attendance: with no session attended the answers stop counting; one mark brings them back.
        await AfterAsync($"DELETE FROM attendance WHERE booking_id = {Booking12OnR4}", Before);
        await AfterAsync($"""
            INSERT INTO attendance (booking_id, session_id, present, recorded_at)
            SELECT {Booking12OnR4}, s.id, true, s.ends_at FROM course_sessions s WHERE s.run_id = 4 ORDER BY s.starts_at LIMIT 1
            """, new(7, 4, 5, 4, 6, 3));
        await AfterAsync($"DELETE FROM evaluations WHERE booking_id = {Booking12OnR4}", new(6, 4, 4, 3, 6, 3));
        await AfterAsync($"DELETE FROM follow_ups WHERE booking_id = {Booking12OnR4}", Before);
        await AfterAsync($"UPDATE attendance SET present = true WHERE booking_id = {Booking23OnR8}", new(7, 5, 5, 4, 5, 3));
        await AfterAsync($"UPDATE attendance SET present = false WHERE booking_id = {Booking23OnR8}", Before);

        // A booking given another school (closed, so not counted) or another run (of 2026/27), and back.
        await AfterAsync($"UPDATE bookings SET school_urn = '100005' WHERE id = {Booking72OnR8}", new(5, 3, 3, 2, 4, 2));
        await AfterAsync($"UPDATE bookings SET school_urn = '200002' WHERE id = {Booking72OnR8}", Before);
        await AfterAsync($"UPDATE bookings SET run_id = 7 WHERE id = {Booking72OnR8}", new(5, 3, 3, 2, 4, 2));
        await AfterAsync("UPDATE bookings SET run_id = 8 WHERE run_id = 7 AND staff_id = 72", Before);

        // Erasing a person's comments leaves the figures alone; a TRUNCATE rebuilds the summary.
        await AfterAsync("UPDATE evaluations SET comments = NULL", Before);
        await AfterAsync("TRUNCATE follow_ups", new(6, 4, 4, 3, 0, 0));
    }
}
