using Npgsql;

namespace InclusionNetwork.Grains.TermDates;

/// <summary>
/// The SQL of term dates and closure days. Reads are fresh on every call: nothing here or in
/// <see cref="TermCalendarStore"/> is cached, so the planner and every silo see a change as
/// soon as it commits.
/// </summary>
public sealed class TermDatesStore(NpgsqlDataSource dataSource)
{
    /// <summary>Every academic year with its periods, earliest first (a handful of rows a year).</summary>
    public async Task<IReadOnlyList<AcademicYearTerms>> YearsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var periods = (await PeriodsAsync(connection, null, null, cancellationToken)).ToLookup(p => p.AcademicYear, StringComparer.Ordinal);
        var years = new List<AcademicYearTerms>();
        await using var command = new NpgsqlCommand("SELECT id, starts_on, ends_on FROM academic_years ORDER BY starts_on", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            years.Add(new AcademicYearTerms(id, reader.GetFieldValue<DateOnly>(1), reader.GetFieldValue<DateOnly>(2), [.. periods[id]]));
        }
        return years;
    }

    /// <summary>The year's periods, earliest first; null when there is no such academic year.</summary>
    public async Task<IReadOnlyList<StoredTermPeriod>?> PeriodsOfYearAsync(string academicYear, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM academic_years WHERE id = @id", connection))
        {
            exists.Parameters.AddWithValue("id", academicYear);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                return null;
            }
        }
        return await PeriodsAsync(connection, null, academicYear, cancellationToken);
    }

    public async Task<StoredTermPeriod?> PeriodAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"{SelectPeriods} WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadPeriod(reader) : null;
    }

    /// <summary>Adds the year; false when it is there already.</summary>
    public async Task<bool> AddYearAsync(AcademicYear year, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO academic_years (id, starts_on, ends_on) VALUES (@id, @starts, @ends) ON CONFLICT (id) DO NOTHING
            """);
        command.Parameters.AddWithValue("id", year.ToString());
        command.Parameters.AddWithValue("starts", year.StartsOn);
        command.Parameters.AddWithValue("ends", year.EndsOn);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Adds (<paramref name="id"/> null) or changes a period the grain has judged. The year's row
    /// is locked for the transaction, and a TERM is written only when no other term of the year
    /// overlaps it, so a writer outside the grain cannot slip an overlap in between; null then
    /// (or when the period or year has gone).
    /// </summary>
    public async Task<StoredTermPeriod?> SavePeriodAsync(long? id, string academicYear, TermPeriodKind kind, string name, DateOnly startsOn, DateOnly endsOn,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockYear = new NpgsqlCommand("SELECT 1 FROM academic_years WHERE id = @year FOR UPDATE", connection, transaction))
        {
            lockYear.Parameters.AddWithValue("year", academicYear);
            if (await lockYear.ExecuteScalarAsync(cancellationToken) is null)
            {
                return null;
            }
        }
        var sql = id is null
            ? """
              INSERT INTO term_periods (academic_year, kind, name, starts_on, ends_on)
              SELECT @year, @kind, @name, @starts, @ends WHERE NOT EXISTS (OVERLAP)
              RETURNING id, academic_year, kind, name, starts_on, ends_on
              """
            : """
              UPDATE term_periods SET kind = @kind, name = @name, starts_on = @starts, ends_on = @ends
              WHERE id = @id AND academic_year = @year AND NOT EXISTS (OVERLAP)
              RETURNING id, academic_year, kind, name, starts_on, ends_on
              """;
        sql = sql.Replace("OVERLAP", """
            SELECT 1 FROM term_periods o WHERE @kind = 'TERM' AND o.kind = 'TERM' AND o.academic_year = @year
            AND o.id IS DISTINCT FROM @id AND o.starts_on <= @ends AND @starts <= o.ends_on
            """, StringComparison.Ordinal);
        StoredTermPeriod? saved = null;
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            command.Parameters.AddWithValue("id", NpgsqlTypes.NpgsqlDbType.Bigint, (object?)id ?? DBNull.Value);
            command.Parameters.AddWithValue("year", academicYear);
            command.Parameters.AddWithValue("kind", kind.ToString());
            command.Parameters.AddWithValue("name", name);
            command.Parameters.AddWithValue("starts", startsOn);
            command.Parameters.AddWithValue("ends", endsOn);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                saved = ReadPeriod(reader);
            }
        }
        if (saved is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return saved;
    }

    public async Task<StoredTermPeriod?> RemovePeriodAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM term_periods WHERE id = @id RETURNING id, academic_year, kind, name, starts_on, ends_on");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadPeriod(reader) : null;
    }

    public async Task<bool> SchoolExistsAsync(string urn, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT 1 FROM schools WHERE urn = @urn");
        command.Parameters.AddWithValue("urn", urn);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>Adds the closure day; false when the school is closed that day already.</summary>
    public async Task<bool> AddClosureDayAsync(ClosureDay day, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO school_closure_days (school_urn, closed_on, reason) VALUES (@urn, @day, @reason) ON CONFLICT DO NOTHING
            """);
        command.Parameters.AddWithValue("urn", day.SchoolUrn);
        command.Parameters.AddWithValue("day", day.Date);
        command.Parameters.AddWithValue("reason", day.Reason);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<ClosureDay?> RemoveClosureDayAsync(string urn, DateOnly date, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            DELETE FROM school_closure_days WHERE school_urn = @urn AND closed_on = @day RETURNING school_urn, closed_on, reason
            """);
        command.Parameters.AddWithValue("urn", urn);
        command.Parameters.AddWithValue("day", date);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new ClosureDay(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetString(2)) : null;
    }

    /// <summary>The closure days of every school asked for in the year, earliest first: one statement for a whole response.</summary>
    public async Task<ILookup<string, ClosureDay>> ClosureDaysAsync(IReadOnlyCollection<string> urns, AcademicYear year, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT school_urn, closed_on, reason FROM school_closure_days
            WHERE school_urn = ANY(@urns) AND closed_on BETWEEN @from AND @to ORDER BY closed_on
            """);
        command.Parameters.AddWithValue("urns", urns.Distinct(StringComparer.Ordinal).ToArray());
        command.Parameters.AddWithValue("from", year.StartsOn);
        command.Parameters.AddWithValue("to", year.EndsOn);
        var days = new List<ClosureDay>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add(new ClosureDay(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetString(2)));
        }
        return days.ToLookup(d => d.SchoolUrn, StringComparer.Ordinal);
    }

    /// <summary>The calendar around one day, for judging whether it is a school day.</summary>
    public Task<TermCalendar> CalendarAroundAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        new TermCalendarStore(dataSource).LoadAsync(date, date, [], cancellationToken);

    private const string SelectPeriods = "SELECT id, academic_year, kind, name, starts_on, ends_on FROM term_periods";

    private static async Task<IReadOnlyList<StoredTermPeriod>> PeriodsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string? academicYear,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"{SelectPeriods} WHERE @year::text IS NULL OR academic_year = @year ORDER BY starts_on, kind", connection, transaction);
        command.Parameters.AddWithValue("year", NpgsqlTypes.NpgsqlDbType.Text, (object?)academicYear ?? DBNull.Value);
        var periods = new List<StoredTermPeriod>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            periods.Add(ReadPeriod(reader));
        }
        return periods;
    }

    private static StoredTermPeriod ReadPeriod(NpgsqlDataReader reader) => new(reader.GetInt64(0), reader.GetString(1), Enum.Parse<TermPeriodKind>(reader.GetString(2)),
        reader.GetString(3), reader.GetFieldValue<DateOnly>(4), reader.GetFieldValue<DateOnly>(5));
}
