using InclusionNetwork.Grains.Uptake;
using InclusionNetwork.TestSupport;
using Npgsql;

namespace InclusionNetwork.Silo.Tests.Uptake;

/// <summary>
/// The leadership figures read leadership_firsts, a summary kept by triggers (migration 0046).
/// Each kind of write those triggers watch is made here directly in SQL, as any writer could,
/// on <see cref="UptakeCounty"/>. After each, the figures by district for 2025/26 (and up to
/// quarter 2) equal a statement written from the definition over the raw tables, the write
/// changed them (so the check could fail), and the summary holds exactly the rows its
/// definition gives.
/// </summary>
/// <remarks>
/// 2025/26 before any write: D1 (11 senior, 12 middle) and A4 (91, 92) have both leaders; D2
/// has a senior leader (21) and a middle leader (22) who missed a session of R4; D3's middle
/// leader (32) completed R6, which ends after the year; D4 has two senior leaders only; A1 two
/// middle leaders (61 SENCO, 62 MIDDLE_LEADER); A2 a senior leader (71) and a SENCO (72) with no
/// leadership course.
/// </remarks>
[Collection(PostgresCollection.Name)]
public sealed class LeadershipFiguresFollowWritesTests(PostgresFixture postgres)
{
    private const string Floor = """
        SELECT d.name, count(s.urn),
               count(s.urn) FILTER (WHERE
                   s.urn IN (SELECT st.school_urn FROM completions k JOIN staff st ON st.id = k.staff_id
                             WHERE st.role IN ('SENIOR_LEADER', 'HEADTEACHER', 'EXECUTIVE_HEADTEACHER'))
                   AND s.urn IN (SELECT st.school_urn FROM completions k JOIN staff st ON st.id = k.staff_id
                                 WHERE st.role IN ('MIDDLE_LEADER', 'SENCO'))),
               count(s.urn) FILTER (WHERE s.urn IN (SELECT st.school_urn FROM completions k JOIN staff st ON st.id = k.staff_id WHERE k.level = 'MIDDLE')),
               count(s.urn) FILTER (WHERE s.urn IN (SELECT st.school_urn FROM completions k JOIN staff st ON st.id = k.staff_id WHERE k.level = 'SENIOR')),
               count(s.urn) FILTER (WHERE s.urn IN (SELECT st.school_urn FROM completions k JOIN staff st ON st.id = k.staff_id WHERE k.level = 'HEADTEACHER_EXECUTIVE'))
        FROM districts d
        LEFT JOIN schools s ON s.district_id = d.id AND s.open
        GROUP BY d.id, d.name, d.sort_order
        ORDER BY d.sort_order
        """;

    [Fact]
    public async Task Every_write_to_bookings_runs_courses_and_staff_moves_the_figures_at_once()
    {
        await using var database = NpgsqlDataSource.Create(await postgres.CreateMigratedDatabaseAsync());
        await UptakeCounty.SeedAsync(database);
        var clock = new ManualClock(UptakeCounty.Now);
        var query = new LeadershipUptakeQuery(database);
        var year = UptakePeriod.For("2025/26", clock);
        var quarter2 = UptakePeriod.For("2025/26", clock, quarter: 2);
        var before = new Dictionary<int, List<string>>();

        async Task<List<string>> FloorAsync(UptakePeriod period)
        {
            // Completions that count at the cut-off: CONFIRMED, every session attended, of a
            // leadership course, the run ended before the cut-off, the person not removed by then.
            await using var command = database.CreateCommand($"""
                WITH completions AS (
                    SELECT b.staff_id, c.leadership_level AS level
                    FROM bookings b JOIN course_runs r ON r.id = b.run_id JOIN courses c ON c.id = r.course_id JOIN staff st ON st.id = b.staff_id
                    WHERE b.status = 'CONFIRMED' AND b.completed_at IS NOT NULL AND c.leadership_level IS NOT NULL
                      AND r.ends_at < @cut AND (st.removed_at IS NULL OR st.removed_at >= @cut))
                {Floor}
                """);
            command.Parameters.AddWithValue("cut", period.CountsBefore);
            var rows = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i)))));
            }
            return rows;
        }

        async Task<List<string>> OursAsync(UptakePeriod period) =>
            [.. (await query.RunAsync(Breakdown.DISTRICT, period)).Select(r =>
                string.Join("|", new object[] { r.Group, r.Schools, r.SchoolsWithSeniorAndMiddleLeader }.Concat(r.Levels.Select(l => (object)l.Schools))))];

        async Task CheckAsync(UptakePeriod period, bool changes)
        {
            var expected = await FloorAsync(period);
            Assert.Equal(expected, await OursAsync(period));
            if (before.TryGetValue(period.Quarter ?? 0, out var previous))
            {
                Assert.Equal(changes, !previous.SequenceEqual(expected));
            }
            before[period.Quarter ?? 0] = expected;
        }

        async Task AfterAsync(string write, bool changesQuarter2 = false)
        {
            await using (var command = database.CreateCommand(write))
            {
                await command.ExecuteNonQueryAsync();
            }
            await CheckAsync(year, changes: true);
            await CheckAsync(quarter2, changesQuarter2);
            await using var drift = database.CreateCommand("""
                SELECT (SELECT count(*) FROM (SELECT * FROM leadership_firsts_defined(NULL) EXCEPT SELECT * FROM leadership_firsts) missing)
                     + (SELECT count(*) FROM (SELECT * FROM leadership_firsts EXCEPT SELECT * FROM leadership_firsts_defined(NULL)) extra)
                """);
            Assert.Equal(0L, (long)(await drift.ExecuteScalarAsync())!);
        }

        await CheckAsync(year, changes: false);
        await CheckAsync(quarter2, changes: false);
        Assert.Equal(2, (await query.RunAsync(Breakdown.COUNTY, year)).Single().SchoolsWithSeniorAndMiddleLeader);

        // Bookings: completed (D2's middle leader), cancelled (D1's), added completed (A2's SENCO) and deleted.
        await AfterAsync("UPDATE bookings SET completed_at = '2026-03-09T16:00:00Z' WHERE run_id = 4 AND staff_id = 22");
        await AfterAsync("""
            UPDATE bookings SET status = 'CANCELLED', completed_at = NULL, cancelled_at = '2026-01-01T00:00:00Z', cancellation = 'CANCELLED'
            WHERE run_id = 4 AND staff_id = 12
            """);
        await AfterAsync("""
            INSERT INTO bookings (run_id, staff_id, school_urn, status, booked_at, confirmed_at, completed_at, updated_at)
            VALUES (4, 72, '200002', 'CONFIRMED', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-03-09T16:00:00Z', '2026-03-09T16:00:00Z')
            """);
        await AfterAsync("DELETE FROM bookings WHERE run_id = 4 AND staff_id = 72");
        // Moved off a leadership run onto another course's run: the run it left still counts as changed.
        await AfterAsync("UPDATE bookings SET run_id = 11 WHERE run_id = 4 AND staff_id = 22");

        // A run that now ends within the year (D3's middle leader), and a course losing its level and getting it back.
        await AfterAsync("UPDATE course_runs SET ends_at = '2026-08-31T15:00:00Z' WHERE id = 6");
        await AfterAsync("UPDATE courses SET leadership_level = NULL WHERE id = 2");
        await AfterAsync("UPDATE courses SET leadership_level = 'MIDDLE' WHERE id = 2");

        // Staff: a middle leader made headteacher (A1), removed in January (A4's middle leader), moved to another school.
        await AfterAsync("UPDATE staff SET role = 'HEADTEACHER' WHERE id = 62");
        await AfterAsync("UPDATE staff SET removed_at = '2026-01-01T00:00:00Z' WHERE id = 92");
        await AfterAsync("UPDATE staff SET school_urn = '100004' WHERE id = 61");

        // Up to quarter 2 only R1-R3 count (R4 ends on 9 March), and 82's R2 not at all (removed in
        // January): none of the writes above touched those, so only the year's figures moved.
        // A TRUNCATE (of bookings and all that hangs on them) rebuilds the summary: nobody has completed anything.
        await AfterAsync("TRUNCATE bookings CASCADE", changesQuarter2: true);
        Assert.Equal(0, (await query.RunAsync(Breakdown.COUNTY, year)).Single().SchoolsWithSeniorAndMiddleLeader);
    }
}
