using Npgsql;

namespace InclusionNetwork.Grains.Tests.Bookings;

/// <summary>The smallest world a run needs: a school, its staff, a course and one run ten days ahead.</summary>
internal static class CourseRunSeed
{
    /// <summary>One school with <paramref name="people"/> staff, a course and a run ten days ahead.</summary>
    public static async Task<(long RunId, IReadOnlyList<long> Staff)> SeedAsync(NpgsqlDataSource db, DateTimeOffset now, int capacity, int people)
    {
        await using var command = db.CreateCommand("""
            INSERT INTO schools (urn, name, phase, school_type, district_id, open, gias_type, gias_phase, gias_status, imported_at, updated_at)
            VALUES ('100001', 'Oak Primary', 'PRIMARY', 'MAINTAINED', 'dover', true, 'Community school', 'Primary', 'Open', @now, @now);
            -- The admin who books (the first account of a fresh database, id 1).
            INSERT INTO accounts (email, name, password_hash, created_at) VALUES ('admin@example.test', 'Admin', '-', @now);
            INSERT INTO staff (school_urn, name, role, created_at) SELECT '100001', 'Teacher ' || n, 'TEACHER', @now FROM generate_series(1, @people) n;
            INSERT INTO courses (title, summary, provider, strand, core_offer, audiences, expected_impact, prior_knowledge, framework_areas,
                                 need_types, phases, delivery_mode, price_pence, funded_release_days, created_at, updated_at)
            VALUES ('Inclusive Practices', 'Adaptive teaching.', 'County', 'SCHOOL_TO_SCHOOL_SYSTEM', true, '{TEACHER}', 'Better lessons.',
                    'INTRODUCTORY', '{}', '{}', '{PRIMARY}', 'IN_PERSON', 0, 0, @now, @now);
            WITH run AS (
                INSERT INTO course_runs (course_id, venue, district_id, capacity, booking_closes_at, starts_at, ends_at, status, created_at, updated_at)
                SELECT id, 'Hub', 'dover', @capacity, @starts, @starts, @starts + interval '6 hours', 'SCHEDULED', @now, @now FROM courses
                RETURNING id, starts_at, ends_at
            ), session AS (
                INSERT INTO course_sessions (run_id, starts_at, ends_at, updated_at) SELECT id, starts_at, ends_at, @now FROM run
            )
            SELECT id FROM run;
            """);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("starts", now.AddDays(10));
        command.Parameters.AddWithValue("capacity", capacity);
        command.Parameters.AddWithValue("people", people);
        var runId = (long)(await command.ExecuteScalarAsync())!;
        await using var staff = db.CreateCommand("SELECT id FROM staff ORDER BY id");
        var ids = new List<long>();
        await using var reader = await staff.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }
        return (runId, ids);
    }
}
