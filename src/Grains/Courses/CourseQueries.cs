using System.Globalization;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Schools;
using Npgsql;

namespace InclusionNetwork.Grains.Courses;

/// <summary>
/// Reads courses straight from SQL: by id, and the directory (free text over the stemmed
/// <c>courses.search</c> column, every filter combined, keyset pages).
/// </summary>
public sealed class CourseQueries(NpgsqlDataSource dataSource)
{
    internal const string Columns = """
        c.id, c.title, c.summary, c.provider, c.provider_account_id, c.strand, c.core_offer, c.audiences, c.expected_impact,
        c.prior_knowledge, c.framework_areas, c.need_types, c.phases, c.delivery_mode, c.price_pence, c.funded_release_days,
        c.leadership_level, c.version
        """;

    /// <summary>A run with no upcoming run sorts after every dated one under SOONEST.</summary>
    private static readonly DateTimeOffset NoUpcomingRun = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public async Task<IReadOnlyDictionary<long, Course>> FindManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM courses c WHERE c.id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var courses = new Dictionary<long, Course>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var course = Read(reader);
            courses[course.Id] = course;
        }
        return courses;
    }

    public async Task<Course?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        (await FindManyAsync([id], cancellationToken)).GetValueOrDefault(id);

    /// <summary>
    /// An id for a course about to be created: the course grain for that id then creates it,
    /// so creation and later changes of one course go through the same grain.
    /// </summary>
    public async Task<long> ReserveIdAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT nextval(pg_get_serial_sequence('courses', 'id'))");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <param name="after">The sort key of the last course of the previous page, as a <see cref="DirectoryEntry"/> gave it.</param>
    /// <exception cref="FormatException">The sort key is not one this order gives out.</exception>
    public async Task<DirectoryPage> SearchAsync(
        DirectoryFilter filter, DirectoryOrder order, int first, IReadOnlyList<string>? after, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand();
        command.CommandText = DirectorySql(order, after is not null, !string.IsNullOrWhiteSpace(filter.Search));
        AddParameters(command, filter, now);
        if (after is not null)
        {
            if (after.Count != 3 || !long.TryParse(after[2], NumberStyles.None, CultureInfo.InvariantCulture, out var afterId))
            {
                throw new FormatException("The cursor does not belong to this ordering.");
            }
            command.Parameters.AddWithValue("after_title", after[1]);
            command.Parameters.AddWithValue("after_id", afterId);
            switch (order)
            {
                case DirectoryOrder.SOONEST:
                    command.Parameters.AddWithValue("after_key", DateTimeOffset.Parse(after[0], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
                    break;
                case DirectoryOrder.RELEVANCE:
                    command.Parameters.AddWithValue("after_key", float.Parse(after[0], NumberStyles.Float, CultureInfo.InvariantCulture));
                    break;
                case DirectoryOrder.TITLE:
                    break;
            }
        }
        command.Parameters.AddWithValue("limit", first + 1);
        var entries = new List<DirectoryEntry>();
        var total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var course = Read(reader);
            var nextStart = reader.GetFieldValue<DateTimeOffset>(18);
            var rank = reader.GetFloat(19);
            total = (int)reader.GetInt64(20);
            var key = order switch
            {
                DirectoryOrder.SOONEST => nextStart.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                DirectoryOrder.RELEVANCE => rank.ToString("R", CultureInfo.InvariantCulture),
                _ => "",
            };
            entries.Add(new DirectoryEntry(course, [key, course.Title, course.Id.ToString(CultureInfo.InvariantCulture)]));
        }
        if (entries.Count == 0)
        {
            total = await CountAsync(filter, now, cancellationToken);
        }
        var hasNext = entries.Count > first;
        return new DirectoryPage(hasNext ? entries[..first] : entries, hasNext, total);
    }

    /// <summary>
    /// The directory's SQL, public so the benchmark can time the same statement directly.
    /// Parameters: see <see cref="AddParameters"/>, plus <c>limit</c> and, with a cursor,
    /// <c>after_key</c>, <c>after_title</c>, <c>after_id</c>.
    /// </summary>
    public static string DirectorySql(DirectoryOrder order, bool hasCursor, bool hasSearch)
    {
        var orderBy = order switch
        {
            DirectoryOrder.SOONEST => "m.next_start, m.title, m.id",
            DirectoryOrder.RELEVANCE => "m.rank DESC, m.title, m.id",
            _ => "m.title, m.id",
        };
        var keyset = !hasCursor ? "" : order switch
        {
            DirectoryOrder.SOONEST => "WHERE (m.next_start, m.title, m.id) > (@after_key, @after_title, @after_id)",
            DirectoryOrder.RELEVANCE => "WHERE (-m.rank, m.title, m.id) > (-@after_key::real, @after_title, @after_id)",
            _ => "WHERE (m.title, m.id) > (@after_title, @after_id)",
        };
        return $"""
            WITH {MatchedCte(hasSearch)}
            SELECT m.*, (SELECT count(*) FROM matched) AS total
            FROM matched m
            {keyset}
            ORDER BY {orderBy}
            LIMIT @limit
            """;
    }

    /// <summary>
    /// The courses that pass every filter, with each one's next upcoming run (for SOONEST)
    /// and free-text rank (for RELEVANCE). Run filters must hold for one and the same run;
    /// courses that never have runs (e-learning, recorded webinars) are online and so match
    /// a district filter given on its own.
    /// </summary>
    private static string MatchedCte(bool hasSearch) => $"""
        matched AS (
            SELECT {Columns},
                coalesce((SELECT min(r.starts_at) FROM course_runs r
                          WHERE r.course_id = c.id AND r.status = 'SCHEDULED' AND r.starts_at > @now), @no_upcoming) AS next_start,
                {(hasSearch ? "ts_rank(c.search, websearch_to_tsquery('english', @search))" : "0::real")} AS rank
            FROM courses c
            WHERE {(hasSearch ? "c.search @@ websearch_to_tsquery('english', @search)" : "TRUE")}
              AND (@strand::text IS NULL OR c.strand = @strand)
              AND (@audiences::text[] IS NULL OR c.audiences && @audiences)
              AND (@need_types::text[] IS NULL OR c.need_types && @need_types)
              AND (@framework_areas::text[] IS NULL OR c.framework_areas && @framework_areas)
              AND (@phases::text[] IS NULL OR c.phases && @phases)
              AND (@prior_knowledge::text IS NULL OR c.prior_knowledge = @prior_knowledge)
              AND (@delivery_modes::text[] IS NULL OR c.delivery_mode = ANY(@delivery_modes))
              AND (NOT @core_offer_only OR c.core_offer)
              AND (NOT @run_filter
                   OR EXISTS (
                       SELECT 1 FROM course_runs r
                       WHERE r.course_id = c.id AND r.status = 'SCHEDULED'
                         AND (@from::timestamptz IS NULL OR r.starts_at >= @from)
                         AND (@to::timestamptz IS NULL OR r.starts_at < @to)
                         AND (@from::timestamptz IS NOT NULL OR @to::timestamptz IS NOT NULL OR r.ends_at > @now)
                         AND (NOT @with_places_only
                              OR (r.capacity - r.confirmed_count - r.offered_count > 0 AND r.booking_closes_at > @now))
                         AND (@district::text IS NULL OR r.district_id = @district OR r.district_id IS NULL))
                   OR (@district_only AND c.delivery_mode IN ('E_LEARNING', 'RECORDED_WEBINAR')))
        )
        """;

    /// <summary>Binds the filter's values by the names <see cref="DirectorySql"/> uses.</summary>
    public static void AddParameters(NpgsqlCommand command, DirectoryFilter filter, DateTimeOffset now)
    {
        static object Texts<T>(IReadOnlyList<T>? values) where T : struct, Enum =>
            values is { Count: > 0 } ? values.Select(v => v.ToString()).ToArray() : DBNull.Value;

        var from = filter.From is { } f ? CivilTime.StartOf(f) : (DateTimeOffset?)null;
        var to = filter.To is { } t ? CivilTime.StartOf(t.AddDays(1)) : (DateTimeOffset?)null;
        var runFilter = filter.WithPlacesOnly || from is not null || to is not null || filter.DistrictId is not null;
        command.Parameters.AddWithValue("search", string.IsNullOrWhiteSpace(filter.Search) ? DBNull.Value : filter.Search.Trim());
        command.Parameters.AddWithValue("strand", (object?)filter.Strand?.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("audiences", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, Texts(filter.Audiences));
        command.Parameters.AddWithValue("need_types", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, Texts(filter.NeedTypes));
        command.Parameters.AddWithValue("framework_areas", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, Texts(filter.FrameworkAreas));
        command.Parameters.AddWithValue("phases", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, Texts(filter.Phases));
        command.Parameters.AddWithValue("prior_knowledge", (object?)filter.PriorKnowledge?.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("delivery_modes", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, Texts(filter.DeliveryModes));
        command.Parameters.AddWithValue("core_offer_only", filter.CoreOfferOnly);
        command.Parameters.AddWithValue("run_filter", runFilter);
        command.Parameters.AddWithValue("district_only", filter.DistrictId is not null && !filter.WithPlacesOnly && from is null && to is null);
        command.Parameters.AddWithValue("with_places_only", filter.WithPlacesOnly);
        command.Parameters.AddWithValue("from", NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)from ?? DBNull.Value);
        command.Parameters.AddWithValue("to", NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)to ?? DBNull.Value);
        command.Parameters.AddWithValue("district", (object?)filter.DistrictId ?? DBNull.Value);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("no_upcoming", NoUpcomingRun);
    }

    private async Task<int> CountAsync(DirectoryFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"WITH {MatchedCte(!string.IsNullOrWhiteSpace(filter.Search))} SELECT count(*) FROM matched");
        AddParameters(command, filter, now);
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    internal static Course Read(NpgsqlDataReader reader) => Read(reader, 0);

    /// <summary>A course from <see cref="Columns"/> read from column <paramref name="offset"/> on.</summary>
    internal static Course Read(NpgsqlDataReader reader, int offset) => new(
        reader.GetInt64(offset + 0),
        reader.GetString(offset + 1),
        reader.GetString(offset + 2),
        reader.GetString(offset + 3),
        reader.IsDBNull(offset + 4) ? null : reader.GetInt64(offset + 4),
        Enum.Parse<Strand>(reader.GetString(offset + 5)),
        reader.GetBoolean(offset + 6),
        Enums<Audience>(reader.GetFieldValue<string[]>(offset + 7)),
        reader.GetString(offset + 8),
        Enum.Parse<PriorKnowledge>(reader.GetString(offset + 9)),
        Enums<FrameworkArea>(reader.GetFieldValue<string[]>(offset + 10)),
        Enums<NeedType>(reader.GetFieldValue<string[]>(offset + 11)),
        Enums<Phase>(reader.GetFieldValue<string[]>(offset + 12)),
        Enum.Parse<DeliveryMode>(reader.GetString(offset + 13)),
        reader.GetInt32(offset + 14),
        (double)reader.GetDecimal(offset + 15),
        reader.IsDBNull(offset + 16) ? null : Enum.Parse<LeadershipLevel>(reader.GetString(offset + 16)),
        reader.GetInt32(offset + 17));

    private static IReadOnlyList<T> Enums<T>(string[] values) where T : struct, Enum => values.Select(Enum.Parse<T>).ToList();
}
