using InclusionNetwork.Grains.Common;
using Npgsql;
using NpgsqlTypes;

namespace InclusionNetwork.Grains.Schools;

/// <summary>
/// Imports an establishment extract: every row is mapped first, then all are written in
/// one transaction with one statement, so a file either lands whole or not at all.
/// Re-importing updates schools in place (matched by URN); schools missing from a later
/// file are left as they are, because an extract may cover part of the county.
/// </summary>
public sealed class SchoolImporter(NpgsqlDataSource dataSource, DomainClock clock)
{
    private const string Upsert = """
        WITH incoming AS (
            SELECT * FROM unnest(@urn, @name, @phase, @type, @district, @postcode, @open, @gias_type, @gias_phase, @gias_status)
                AS t(urn, name, phase, school_type, district_id, postcode, open, gias_type, gias_phase, gias_status)
        ),
        written AS (
            INSERT INTO schools AS s (urn, name, phase, school_type, district_id, postcode, open, gias_type, gias_phase, gias_status, imported_at, updated_at)
            SELECT urn, name, phase, school_type, district_id, postcode, open, gias_type, gias_phase, gias_status, @now, @now FROM incoming
            ON CONFLICT (urn) DO UPDATE SET
                name = excluded.name, phase = excluded.phase, school_type = excluded.school_type,
                district_id = excluded.district_id, postcode = excluded.postcode, open = excluded.open,
                gias_type = excluded.gias_type, gias_phase = excluded.gias_phase, gias_status = excluded.gias_status,
                updated_at = excluded.updated_at, version = s.version + 1
            WHERE (s.name, s.phase, s.school_type, s.district_id, s.postcode, s.open, s.gias_type, s.gias_phase, s.gias_status)
                IS DISTINCT FROM (excluded.name, excluded.phase, excluded.school_type, excluded.district_id, excluded.postcode,
                                  excluded.open, excluded.gias_type, excluded.gias_phase, excluded.gias_status)
            RETURNING (xmax = 0) AS inserted
        )
        SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM written
        """;

    /// <exception cref="SchoolImportException">Some rows could not be mapped; nothing was written.</exception>
    public async Task<SchoolImportResult> ImportAsync(TextReader csv, CancellationToken cancellationToken = default)
    {
        var districts = await LoadDistrictIdsByNameAsync(cancellationToken);
        var schools = GiasExtractParser.Parse(csv, districts);
        return await WriteAsync(schools, cancellationToken);
    }

    public async Task<SchoolImportResult> WriteAsync(IReadOnlyList<ImportedSchool> schools, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Upsert, connection, transaction);
        command.Parameters.AddWithValue("urn", schools.Select(s => s.Urn).ToArray());
        command.Parameters.AddWithValue("name", schools.Select(s => s.Name).ToArray());
        command.Parameters.AddWithValue("phase", schools.Select(s => s.Phase.ToString()).ToArray());
        command.Parameters.AddWithValue("type", schools.Select(s => s.Type.ToString()).ToArray());
        command.Parameters.AddWithValue("district", schools.Select(s => s.DistrictId).ToArray());
        command.Parameters.Add(new NpgsqlParameter("postcode", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = schools.Select(s => s.Postcode).ToArray() });
        command.Parameters.AddWithValue("open", schools.Select(s => s.Open).ToArray());
        command.Parameters.AddWithValue("gias_type", schools.Select(s => s.GiasType).ToArray());
        command.Parameters.AddWithValue("gias_phase", schools.Select(s => s.GiasPhase).ToArray());
        command.Parameters.AddWithValue("gias_status", schools.Select(s => s.GiasStatus).ToArray());
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        int inserted, updated;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            inserted = (int)reader.GetInt64(0);
            updated = (int)reader.GetInt64(1);
        }
        await transaction.CommitAsync(cancellationToken);
        return new SchoolImportResult(inserted, updated, schools.Count - inserted - updated);
    }

    private async Task<Dictionary<string, string>> LoadDistrictIdsByNameAsync(CancellationToken cancellationToken)
    {
        var districts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        await using var command = dataSource.CreateCommand("SELECT name, id FROM districts");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            districts[reader.GetString(0)] = reader.GetString(1);
        }
        return districts;
    }
}
