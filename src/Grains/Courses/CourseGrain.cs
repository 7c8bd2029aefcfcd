using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Orleans;
using Npgsql;

namespace InclusionNetwork.Grains.Courses;

/// <summary>
/// Creates and changes one course and publishes its runs. Changes are version-checked
/// (<c>UPDATE ... WHERE version = @expected</c>), so an admin editing the same course in
/// another silo cannot be silently overwritten.
/// </summary>
public sealed class CourseGrain(NpgsqlDataSource dataSource, CourseQueries courses, DomainClock clock) : Grain, ICourseGrain
{
    private const int MaxSessions = 60;
    private const int MaxCapacity = 2000;

    private long Id => this.GetPrimaryKeyLong();

    public async Task<CommandResult<Course>> SaveAsync(Viewer viewer, CourseDraft draft, bool create)
    {
        if (!viewer.IsAdmin)
        {
            return CommandResult<Course>.Failure(DomainError.NotAllowed("Only admins may add or change courses."));
        }
        var errors = Validate(draft);
        if (draft.ProviderAccountId is { } providerAccount && !await IsProviderAccountAsync(providerAccount))
        {
            errors.Add(DomainError.NotFound("No provider account has that id.", "input", "providerAccountId"));
        }
        if (errors.Count > 0)
        {
            return new CommandResult<Course>(null, errors);
        }
        if (create)
        {
            return await InsertAsync(draft);
        }
        // A concurrent writer may win between the read and the write: read again and retry once.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (await courses.FindAsync(Id) is not { } current)
            {
                return CommandResult<Course>.Failure(DomainError.NotFound("No course has that id.", "input", "id"));
            }
            if (await UpdateAsync(draft, current.Version) is { } updated)
            {
                return CommandResult<Course>.Success(updated);
            }
        }
        return CommandResult<Course>.Failure(new DomainError(ErrorCodes.Conflict, "Someone else changed the course at the same time; try again.", ["input", "id"]));
    }

    public async Task<CommandResult<CourseRun>> ScheduleRunAsync(Viewer viewer, RunSchedule schedule)
    {
        if (await courses.FindAsync(Id) is not { } course)
        {
            return CommandResult<CourseRun>.Failure(DomainError.NotFound("No course has that id.", "input", "courseId"));
        }
        if (!(viewer.IsAdmin || (viewer.Has(Role.PROVIDER) && course.ProviderAccountId == viewer.AccountId)))
        {
            return CommandResult<CourseRun>.Failure(DomainError.NotAllowed("Only the course's provider and admins may publish its runs."));
        }
        var now = clock.GetUtcNow();
        var errors = new List<DomainError>();
        // The database takes instants in UTC; clients may give any offset.
        schedule = schedule with
        {
            Sessions = schedule.Sessions.Select(s => (s.StartsAt.ToUniversalTime(), s.EndsAt.ToUniversalTime())).ToList(),
            BookingClosesAt = schedule.BookingClosesAt?.ToUniversalTime(),
        };
        var sessions = schedule.Sessions.OrderBy(s => s.StartsAt).ToList();
        if (sessions.Count is 0 or > MaxSessions)
        {
            errors.Add(DomainError.Invalid($"Give between 1 and {MaxSessions} sessions.", "input", "sessions"));
        }
        for (var i = 0; i < schedule.Sessions.Count; i++)
        {
            var (startsAt, endsAt) = schedule.Sessions[i];
            if (endsAt <= startsAt)
            {
                errors.Add(DomainError.Invalid("A session must end after it starts.", "input", "sessions", $"{i}", "endsAt"));
            }
            else if (endsAt - startsAt > TimeSpan.FromHours(24))
            {
                errors.Add(DomainError.Invalid("A session lasts at most 24 hours; give each day as its own session.", "input", "sessions", $"{i}", "endsAt"));
            }
            if (startsAt <= now)
            {
                errors.Add(DomainError.Invalid("A session must start in the future.", "input", "sessions", $"{i}", "startsAt"));
            }
        }
        for (var i = 1; i < sessions.Count; i++)
        {
            if (sessions[i].StartsAt < sessions[i - 1].EndsAt)
            {
                errors.Add(new DomainError(ErrorCodes.Clash, "Two sessions of the run overlap.", ["input", "sessions"]));
                break;
            }
        }
        var venue = string.IsNullOrWhiteSpace(schedule.Venue) ? null : schedule.Venue.Trim();
        if ((venue is null) != (schedule.DistrictId is null))
        {
            errors.Add(DomainError.Invalid("Give both a venue and its district for an in-person run, or neither for an online one.",
                "input", venue is null ? "venue" : "districtId"));
        }
        if (venue is { Length: > 200 })
        {
            errors.Add(DomainError.Invalid("The venue is at most 200 characters.", "input", "venue"));
        }
        if (schedule.DistrictId is { } districtId && !await DistrictExistsAsync(districtId))
        {
            errors.Add(DomainError.NotFound("No district has that id.", "input", "districtId"));
        }
        if (schedule.Capacity is < 1 or > MaxCapacity)
        {
            errors.Add(DomainError.Invalid($"Capacity must be between 1 and {MaxCapacity}.", "input", "capacity"));
        }
        if (schedule.MaxPlacesPerSchool is { } cap && (cap < 1 || cap > schedule.Capacity))
        {
            errors.Add(DomainError.Invalid("The most places per school must be between 1 and the capacity.", "input", "maxPlacesPerSchool"));
        }
        if (errors.Count > 0)
        {
            return new CommandResult<CourseRun>(null, errors);
        }
        var closes = schedule.BookingClosesAt ?? sessions[0].StartsAt;
        if (closes > sessions[0].StartsAt)
        {
            return CommandResult<CourseRun>.Failure(DomainError.Invalid("Bookings must close no later than the first session starts.", "input", "bookingClosesAt"));
        }
        return CommandResult<CourseRun>.Success(await InsertRunAsync(schedule, sessions, venue, closes, now));
    }

    private async Task<CourseRun> InsertRunAsync(
        RunSchedule schedule, List<(DateTimeOffset StartsAt, DateTimeOffset EndsAt)> sessions, string? venue, DateTimeOffset closes, DateTimeOffset now)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = new NpgsqlCommand($"""
            WITH run AS (
                INSERT INTO course_runs (course_id, venue, district_id, capacity, max_places_per_school, booking_closes_at,
                                         starts_at, ends_at, status, created_at, updated_at)
                VALUES (@course, @venue, @district, @capacity, @cap, @closes, @starts, @ends, 'SCHEDULED', @now, @now)
                RETURNING *
            ), sessions AS (
                INSERT INTO course_sessions (run_id, starts_at, ends_at, updated_at)
                SELECT run.id, s.starts_at, s.ends_at, @now FROM run, unnest(@session_starts, @session_ends) AS s(starts_at, ends_at)
            )
            SELECT {CourseRunQueries.RunColumns} FROM run r
            """, connection, transaction);
        insert.Parameters.AddWithValue("course", Id);
        insert.Parameters.AddWithValue("venue", (object?)venue ?? DBNull.Value);
        insert.Parameters.AddWithValue("district", (object?)schedule.DistrictId ?? DBNull.Value);
        insert.Parameters.AddWithValue("capacity", schedule.Capacity);
        insert.Parameters.AddWithValue("cap", (object?)schedule.MaxPlacesPerSchool ?? DBNull.Value);
        insert.Parameters.AddWithValue("closes", closes);
        insert.Parameters.AddWithValue("starts", sessions[0].StartsAt);
        insert.Parameters.AddWithValue("ends", sessions.Max(s => s.EndsAt));
        insert.Parameters.AddWithValue("now", now);
        insert.Parameters.AddWithValue("session_starts", sessions.Select(s => s.StartsAt).ToArray());
        insert.Parameters.AddWithValue("session_ends", sessions.Select(s => s.EndsAt).ToArray());
        CourseRun run;
        await using (var reader = await insert.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            run = CourseRunQueries.ReadRun(reader);
        }
        await transaction.CommitAsync();
        return run;
    }

    private static List<DomainError> Validate(CourseDraft draft)
    {
        var errors = new List<DomainError>();
        void Text(string? value, string field, int max, string what)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
            {
                errors.Add(DomainError.Invalid($"Enter {what} (at most {max} characters).", "input", field));
            }
        }
        Text(draft.Title, "title", 200, "a title");
        Text(draft.Summary, "summary", 4000, "a summary");
        Text(draft.Provider, "provider", 200, "the provider's name");
        Text(draft.ExpectedImpact, "expectedImpact", 1000, "the expected impact");
        if (draft.Audiences.Count == 0)
        {
            errors.Add(DomainError.Invalid("Choose at least one audience.", "input", "audiences"));
        }
        if (draft.Phases.Count == 0)
        {
            errors.Add(DomainError.Invalid("Choose at least one phase.", "input", "phases"));
        }
        if (draft.PricePence < 0)
        {
            errors.Add(DomainError.Invalid("The price cannot be negative.", "input", "pricePence"));
        }
        if (draft.FundedReleaseDays is < 0 or > 100 || double.IsNaN(draft.FundedReleaseDays)
            || Math.Abs((draft.FundedReleaseDays * 10) - Math.Round(draft.FundedReleaseDays * 10)) > 1e-9)
        {
            errors.Add(DomainError.Invalid("Funded release days are between 0 and 100, to one decimal place.", "input", "fundedReleaseDays"));
        }
        return errors;
    }

    private async Task<CommandResult<Course>> InsertAsync(CourseDraft draft)
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
        Bind(command, draft);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? CommandResult<Course>.Success(CourseQueries.Read(reader))
            : CommandResult<Course>.Failure(new DomainError(ErrorCodes.Conflict, "A course with that id already exists.", ["input", "id"]));
    }

    /// <returns>The course as written, or null when its version moved on since it was read.</returns>
    private async Task<Course?> UpdateAsync(CourseDraft draft, int expectedVersion)
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
        Bind(command, draft);
        command.Parameters.AddWithValue("expected", expectedVersion);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? CourseQueries.Read(reader) : null;
    }

    private void Bind(NpgsqlCommand command, CourseDraft draft)
    {
        static string[] Texts<T>(IReadOnlyList<T> values) where T : struct, Enum => values.Distinct().Select(v => v.ToString()).ToArray();
        command.Parameters.AddWithValue("id", Id);
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
        command.Parameters.AddWithValue("leadership_level", (object?)draft.LeadershipLevel?.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
    }

    private async Task<bool> IsProviderAccountAsync(long accountId)
    {
        await using var command = dataSource.CreateCommand("SELECT 1 FROM account_roles WHERE account_id = @id AND role = 'PROVIDER'");
        command.Parameters.AddWithValue("id", accountId);
        return await command.ExecuteScalarAsync() is not null;
    }

    private async Task<bool> DistrictExistsAsync(string districtId)
    {
        await using var command = dataSource.CreateCommand("SELECT 1 FROM districts WHERE id = @id");
        command.Parameters.AddWithValue("id", districtId);
        return await command.ExecuteScalarAsync() is not null;
    }
}
