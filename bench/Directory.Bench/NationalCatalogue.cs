using System.Diagnostics;
using Npgsql;

namespace InclusionNetwork.Directory.Bench;

/// <summary>
/// A national-size directory generated in SQL: 5,000 courses built from word lists (so free
/// text has realistic hits and misses) and 100,000 runs with one session each, over the
/// twelve districts and the academic year, with some places already taken.
/// </summary>
internal static class NationalCatalogue
{
    public const int Courses = 5_000;
    public const int RunsPerCourse = 20;

    public static async Task GenerateAsync(NpgsqlDataSource database, DateTimeOffset now)
    {
        var watch = Stopwatch.StartNew();
        await using var command = database.CreateCommand("""
            INSERT INTO courses (title, summary, provider, strand, core_offer, audiences, expected_impact, prior_knowledge, framework_areas,
                                 need_types, phases, delivery_mode, price_pence, funded_release_days, created_at, updated_at)
            SELECT
                (ARRAY['Nurture', 'Attachment', 'Autism', 'Dyslexia', 'Speech and language', 'Trauma-informed practice', 'Inclusive teaching',
                       'Sensory processing', 'Transition planning', 'Emotional literacy', 'Assessment for SEND', 'Working memory'])[1 + i % 12]
                || ' ' || (ARRAY['essentials', 'in practice', 'for leaders', 'in the early years', 'masterclass', 'toolkit', 'network'])[1 + (i / 12) % 7]
                || ' ' || i,
                'Practical strategies for ' || (ARRAY['classroom teachers', 'teaching assistants', 'SENCOs', 'senior leaders', 'governors'])[1 + i % 5]
                || ' supporting pupils with ' || (ARRAY['autism', 'ADHD', 'dyslexia', 'anxiety', 'speech and language needs', 'physical needs'])[1 + i % 6] || '.',
                (ARRAY['County Inclusion Training Team', 'Specialist Teaching Service', 'Educational Psychology Service', 'Northfield Teaching School Hub'])[1 + i % 4],
                (ARRAY['SCHOOL_TO_SCHOOL_SYSTEM', 'TARGETED_AND_SPECIALIST', 'PROGRESS_AND_OUTCOMES', 'EARLY_YEARS'])[1 + i % 4],
                i % 3 <> 0,
                ARRAY[(ARRAY['TEACHER', 'TEACHING_ASSISTANT', 'SENCO', 'SENIOR_LEADER', 'GOVERNOR', 'HEADTEACHER'])[1 + i % 6]],
                'Pupils with SEND make better progress.',
                (ARRAY['INTRODUCTORY', 'INTERMEDIATE', 'ADVANCED'])[1 + i % 3],
                ARRAY[(ARRAY['WELLBEING', 'PROGRESS_IN_EDUCATION', 'COMMUNITY', 'CHILD_AND_FAMILY_CENTRED', 'TRANSITIONS_AND_INDEPENDENCE'])[1 + i % 5]],
                ARRAY[(ARRAY['COMMUNICATION_AND_INTERACTION', 'COGNITION_AND_LEARNING', 'SOCIAL_EMOTIONAL_MENTAL_HEALTH', 'SENSORY_AND_PHYSICAL', 'WHOLE_SCHOOL'])[1 + i % 5]],
                ARRAY[(ARRAY['PRIMARY', 'SECONDARY', 'EARLY_YEARS', 'ALL_THROUGH', 'POST_16'])[1 + i % 5], 'PRIMARY'],
                (ARRAY['IN_PERSON', 'LIVE_ONLINE', 'BLENDED', 'IN_PERSON', 'E_LEARNING'])[1 + i % 5],
                (i % 4) * 2500, (i % 3) * 0.5, @now, @now
            FROM generate_series(1, @courses) AS i;

            INSERT INTO course_runs (course_id, venue, district_id, capacity, booking_closes_at, starts_at, ends_at, status,
                                     confirmed_count, created_at, updated_at)
            SELECT c.id,
                   CASE WHEN c.delivery_mode <> 'LIVE_ONLINE' THEN 'Venue ' || k END,
                   CASE WHEN c.delivery_mode <> 'LIVE_ONLINE' THEN (SELECT id FROM districts ORDER BY id OFFSET (c.id + k) % 12 LIMIT 1) END,
                   30, s.starts_at - interval '3 days', s.starts_at, s.starts_at + interval '6 hours', 'SCHEDULED',
                   (c.id * 7 + k * 13) % 31, @now, @now
            FROM courses c
            CROSS JOIN generate_series(1, @runs) AS k
            CROSS JOIN LATERAL (SELECT @now - interval '60 days' + (((c.id * 37 + k * 101) % 300) || ' days')::interval + interval '9 hours' AS starts_at) s
            WHERE c.title ~ ' [0-9]+$';

            INSERT INTO course_sessions (run_id, starts_at, ends_at, updated_at)
            SELECT r.id, r.starts_at, r.ends_at, @now FROM course_runs r JOIN courses c ON c.id = r.course_id WHERE c.title ~ ' [0-9]+$';
            ANALYZE courses; ANALYZE course_runs; ANALYZE course_sessions;
            """);
        command.CommandTimeout = 600;
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("courses", Courses);
        command.Parameters.AddWithValue("runs", RunsPerCourse);
        await command.ExecuteNonQueryAsync();
        await using var count = database.CreateCommand("SELECT (SELECT count(*) FROM courses), (SELECT count(*) FROM course_runs)");
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        Console.WriteLine($"  {reader.GetInt64(0):N0} courses and {reader.GetInt64(1):N0} runs in {watch.Elapsed.TotalSeconds:F1} s");
    }
}
