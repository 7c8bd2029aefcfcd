using Npgsql;

namespace InclusionNetwork.Grains.Schools;

/// <summary>Reads schools and staff straight from SQL (queries do not go through grains).</summary>
public sealed class SchoolQueries(NpgsqlDataSource dataSource)
{
    private const string Columns = "urn, name, phase, school_type, district_id, postcode, open";

    public async Task<IReadOnlyDictionary<string, School>> FindManyAsync(IReadOnlyCollection<string> urns, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM schools WHERE urn = ANY(@urns)");
        command.Parameters.AddWithValue("urns", urns.ToArray());
        var schools = new Dictionary<string, School>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var school = ReadSchool(reader);
            schools[school.Urn] = school;
        }
        return schools;
    }

    public async Task<School?> FindAsync(string urn, CancellationToken cancellationToken = default) =>
        (await FindManyAsync([urn], cancellationToken)).GetValueOrDefault(urn);

    /// <summary>Open schools of the given districts, by name, for each district.</summary>
    public async Task<ILookup<string, School>> ListByDistrictsAsync(IReadOnlyCollection<string> districtIds, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM schools WHERE district_id = ANY(@ids) AND open ORDER BY name, urn");
        command.Parameters.AddWithValue("ids", districtIds.ToArray());
        var schools = new List<School>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            schools.Add(ReadSchool(reader));
        }
        return schools.ToLookup(s => s.DistrictId);
    }

    /// <param name="after">The (name, urn) of the last school of the previous page.</param>
    public async Task<SchoolPage> SearchAsync(SchoolFilter filter, int first, (string Name, string Urn)? after, CancellationToken cancellationToken = default)
    {
        const string where = """
            (@include_closed OR open)
            AND (@district::text IS NULL OR district_id = @district)
            AND (@area::text IS NULL OR district_id IN (SELECT id FROM districts WHERE area_id = @area))
            AND (@phase::text IS NULL OR phase = @phase)
            AND (@type::text IS NULL OR school_type = @type)
            AND (@search::text IS NULL OR search @@ plainto_tsquery('simple', @search) OR name ILIKE '%' || @search || '%')
            """;
        await using var command = dataSource.CreateCommand($"""
            SELECT {Columns} FROM schools WHERE {where}
            AND (@after_name::text IS NULL OR (name, urn) > (@after_name, @after_urn))
            ORDER BY name, urn LIMIT @limit;
            SELECT count(*) FROM schools WHERE {where};
            """);
        command.Parameters.AddWithValue("include_closed", filter.IncludeClosed);
        command.Parameters.AddWithValue("district", (object?)filter.DistrictId ?? DBNull.Value);
        command.Parameters.AddWithValue("area", (object?)filter.AreaId ?? DBNull.Value);
        command.Parameters.AddWithValue("phase", (object?)filter.Phase?.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("type", (object?)filter.Type?.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("search", string.IsNullOrWhiteSpace(filter.Search) ? DBNull.Value : filter.Search.Trim());
        command.Parameters.AddWithValue("after_name", (object?)after?.Name ?? DBNull.Value);
        command.Parameters.AddWithValue("after_urn", (object?)after?.Urn ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", first + 1);
        var schools = new List<School>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            schools.Add(ReadSchool(reader));
        }
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = (int)reader.GetInt64(0);
        var hasNext = schools.Count > first;
        return new SchoolPage(hasNext ? schools[..first] : schools, hasNext, total);
    }

    /// <summary>Current (not removed) staff of each school, by name.</summary>
    public async Task<ILookup<string, StaffMember>> StaffOfAsync(IReadOnlyCollection<string> urns, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, school_urn, name, email, role, removed_at FROM staff WHERE school_urn = ANY(@urns) AND removed_at IS NULL ORDER BY name, id");
        command.Parameters.AddWithValue("urns", urns.ToArray());
        var staff = new List<StaffMember>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            staff.Add(ReadStaff(reader));
        }
        return staff.ToLookup(s => s.SchoolUrn);
    }

    /// <summary>Staff by id, removed ones included (history refers to them).</summary>
    public async Task<IReadOnlyDictionary<long, StaffMember>> FindStaffAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT id, school_urn, name, email, role, removed_at FROM staff WHERE id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var staff = new Dictionary<long, StaffMember>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var member = ReadStaff(reader);
            staff[member.Id] = member;
        }
        return staff;
    }

    private static School ReadSchool(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), Enum.Parse<Phase>(reader.GetString(2)), Enum.Parse<SchoolType>(reader.GetString(3)),
        reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetBoolean(6));

    internal static StaffMember ReadStaff(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
        Enum.Parse<StaffRole>(reader.GetString(4)), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5));
}
