using Npgsql;

namespace InclusionNetwork.Grains.TermDates;

/// <summary>Reads the term-date data into a <see cref="TermCalendar"/>.</summary>
public sealed class TermCalendarStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The calendar for dates between <paramref name="from"/> and <paramref name="to"/>, with the
    /// closure days of the given schools. Term periods of every overlapping academic year are read.
    /// </summary>
    public async Task<TermCalendar> LoadAsync(DateOnly from, DateOnly to, IReadOnlyCollection<string> schoolUrns, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await LoadAsync(connection, null, from, to, schoolUrns, cancellationToken);
    }

    public static async Task<TermCalendar> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, DateOnly from, DateOnly to,
        IReadOnlyCollection<string> schoolUrns, CancellationToken cancellationToken = default)
    {
        var periods = new List<TermPeriod>();
        await using (var command = new NpgsqlCommand("""
            SELECT academic_year, kind, name, starts_on, ends_on FROM term_periods
            WHERE ends_on >= @from - 400 AND starts_on <= @to + 400 ORDER BY starts_on
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("from", from);
            command.Parameters.AddWithValue("to", to);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                periods.Add(new TermPeriod(reader.GetString(0), Enum.Parse<TermPeriodKind>(reader.GetString(1)), reader.GetString(2),
                    reader.GetFieldValue<DateOnly>(3), reader.GetFieldValue<DateOnly>(4)));
            }
        }
        var holidays = new List<DateOnly>();
        await using (var command = new NpgsqlCommand("SELECT holiday_on FROM bank_holidays", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                holidays.Add(reader.GetFieldValue<DateOnly>(0));
            }
        }
        var closures = new Dictionary<string, List<DateOnly>>();
        await using (var command = new NpgsqlCommand("""
            SELECT school_urn, closed_on FROM school_closure_days WHERE school_urn = ANY(@urns) AND closed_on BETWEEN @from - 400 AND @to + 400
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("urns", schoolUrns.ToArray());
            command.Parameters.AddWithValue("from", from);
            command.Parameters.AddWithValue("to", to);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var urn = reader.GetString(0);
                if (!closures.TryGetValue(urn, out var days))
                {
                    closures[urn] = days = [];
                }
                days.Add(reader.GetFieldValue<DateOnly>(1));
            }
        }
        return new TermCalendar(periods, holidays, closures.ToDictionary(c => c.Key, c => (IReadOnlyCollection<DateOnly>)c.Value));
    }
}
