using Npgsql;

namespace InclusionNetwork.Grains.Courses;

/// <summary>
/// Writes one course and the runs published on it. Every write names the course version the
/// grain read: a change moves it on only while it is still there, and a run is added only
/// while the course is still at it (the course row is share-locked for the statement, so an
/// outside change waits or is seen). Otherwise the store writes nothing and says so (null).
/// </summary>
public sealed class CourseStore(NpgsqlDataSource dataSource, CourseQueries courses)
{
    public Task<Course?> LoadAsync(long id, CancellationToken cancellationToken = default) => courses.FindAsync(id, cancellationToken);

    /// <returns>The course as created, or null when a course already has that id.</returns>
    public async Task<Course?> InsertAsync(long id, CourseDraft draft, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand($"""
            WITH c AS (
                INSERT INTO courses (id, title, summary, provider, provider_account_id, strand, core_offer, audiences, expected_impact,
                                     prior_knowledge, framework_areas, need_types, phases, delivery_mode, price_pence, funded_release_days,
                                     leadership_level, created_at, updated_at)
                VALUES (@id, @title, @summary, @provider, @provider_account, @strand, @core_offer, @audiences, @expected_impact,
                        @prior_knowledge, @framework_areas, @need_types, @phases, @delivery_mode, @price_pence, @funded_release_days,
                        @leadership_level, @now, @now)
                ON CONFLICT (id) DO NOTHING
                RETURNING *
            )
            SELECT {CourseQueries.Columns} FROM c
            """);
        Bind(command, id, draft, now);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? CourseQueries.Read(reader) : null;
    }

    /// <returns>The course as written, or null when it is no longer at <paramref name="expectedVersion"/>.</returns>
    public async Task<Course?> UpdateAsync(long id, int expectedVersion, CourseDraft draft, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand($"""
            WITH c AS (
                UPDATE courses SET title = @title, summary = @summary, provider = @provider, provider_account_id = @provider_account,
                    strand = @strand, core_offer = @core_offer, audiences = @audiences, expected_impact = @expected_impact,
                    prior_knowledge = @prior_knowledge, framework_areas = @framework_areas, need_types = @need_types, phases = @phases,
                    delivery_mode = @delivery_mode, price_pence = @price_pence, funded_release_days = @funded_release_days,
                    leadership_level = @leadership_level, updated_at = @now, version = version + 1
                WHERE id = @id AND version = @expected
                RETURNING *
            )
            SELECT {CourseQueries.Columns} FROM c
            """);
        Bind(command, id, draft, now);
        command.Parameters.AddWithValue("expected", expectedVersion);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? CourseQueries.Read(reader) : null;
    }

    /// <summary>
    /// Adds a run and its sessions in one statement. A run does not change the course, so the
    /// version stays; but who may publish it was decided on the course as read, so the run is
    /// added only while the course is still at that version.
    /// </summary>
    /// <returns>The run as added, or null when the course is no longer at <paramref name="expectedCourseVersion"/>.</returns>
    public async Task<CourseRun?> InsertRunAsync(long courseId, int expectedCourseVersion, RunSchedule schedule,
        IReadOnlyList<(DateTimeOffset StartsAt, DateTimeOffset EndsAt)> sessions, string? venue, DateTimeOffset closes, DateTimeOffset now)
    {
        await using var insert = dataSource.CreateCommand($"""
            WITH course AS (
                SELECT id FROM courses WHERE id = @course AND version = @expected FOR SHARE
            ), run AS (
                INSERT INTO course_runs (course_id, venue, district_id, capacity, max_places_per_school, booking_closes_at,
                                         starts_at, ends_at, status, created_at, updated_at)
                SELECT course.id, @venue, @district, @capacity, @cap, @closes, @starts, @ends, 'SCHEDULED', @now, @now FROM course
                RETURNING *
            ), sessions AS (
                INSERT INTO course_sessions (run_id, starts_at, ends_at, updated_at)
                SELECT run.id, s.starts_at, s.ends_at, @now FROM run, unnest(@session_starts, @session_ends) AS s(starts_at, ends_at)
            )
            SELECT {CourseRunQueries.RunColumns} FROM run r
            """);
        insert.Parameters.AddWithValue("course", courseId);
        insert.Parameters.AddWithValue("expected", expectedCourseVersion);
        insert.Parameters.AddWithValue("venue", NpgsqlTypes.NpgsqlDbType.Text, (object?)venue ?? DBNull.Value);
        insert.Parameters.AddWithValue("district", NpgsqlTypes.NpgsqlDbType.Text, (object?)schedule.DistrictId ?? DBNull.Value);
        insert.Parameters.AddWithValue("capacity", schedule.Capacity);
        insert.Parameters.AddWithValue("cap", NpgsqlTypes.NpgsqlDbType.Integer, (object?)schedule.MaxPlacesPerSchool ?? DBNull.Value);
        insert.Parameters.AddWithValue("closes", closes);
        insert.Parameters.AddWithValue("starts", sessions[0].StartsAt);
        insert.Parameters.AddWithValue("ends", sessions.Max(s => s.EndsAt));
        insert.Parameters.AddWithValue("now", now);
        insert.Parameters.AddWithValue("session_starts", sessions.Select(s => s.StartsAt).ToArray());
        insert.Parameters.AddWithValue("session_ends", sessions.Select(s => s.EndsAt).ToArray());
        await using var reader = await insert.ExecuteReaderAsync();
        return await reader.ReadAsync() ? CourseRunQueries.ReadRun(reader) : null;
    }

    /// <summary>Whether the account may be named as a course's provider (it holds the PROVIDER role).</summary>
    public async Task<bool> IsProviderAccountAsync(long accountId)
    {
        await using var command = dataSource.CreateCommand("SELECT 1 FROM account_roles WHERE account_id = @id AND role = 'PROVIDER'");
        command.Parameters.AddWithValue("id", accountId);
        return await command.ExecuteScalarAsync() is not null;
    }

    public async Task<bool> DistrictExistsAsync(string districtId)
    {
        await using var command = dataSource.CreateCommand("SELECT 1 FROM districts WHERE id = @id");
        command.Parameters.AddWithValue("id", districtId);
        return await command.ExecuteScalarAsync() is not null;
    }

    private static void Bind(NpgsqlCommand command, long id, CourseDraft draft, DateTimeOffset now)
    {
        static string[] Texts<T>(IReadOnlyList<T> values) where T : struct, Enum => values.Distinct().Select(v => v.ToString()).ToArray();
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("title", draft.Title.Trim());
        command.Parameters.AddWithValue("summary", draft.Summary.Trim());
        command.Parameters.AddWithValue("provider", draft.Provider.Trim());
        command.Parameters.AddWithValue("provider_account", NpgsqlTypes.NpgsqlDbType.Bigint, (object?)draft.ProviderAccountId ?? DBNull.Value);
        command.Parameters.AddWithValue("strand", draft.Strand.ToString());
        command.Parameters.AddWithValue("core_offer", draft.CoreOffer);
        command.Parameters.AddWithValue("audiences", Texts(draft.Audiences));
        command.Parameters.AddWithValue("expected_impact", draft.ExpectedImpact.Trim());
        command.Parameters.AddWithValue("prior_knowledge", draft.PriorKnowledge.ToString());
        command.Parameters.AddWithValue("framework_areas", Texts(draft.FrameworkAreas));
        command.Parameters.AddWithValue("need_types", Texts(draft.NeedTypes));
        command.Parameters.AddWithValue("phases", Texts(draft.Phases));
        command.Parameters.AddWithValue("delivery_mode", draft.DeliveryMode.ToString());
        command.Parameters.AddWithValue("price_pence", draft.PricePence);
        command.Parameters.AddWithValue("funded_release_days", (decimal)draft.FundedReleaseDays);
        command.Parameters.AddWithValue("leadership_level", NpgsqlTypes.NpgsqlDbType.Text, (object?)draft.LeadershipLevel?.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("now", now);
    }
}
