using Npgsql;

namespace InclusionNetwork.Grains.Leaders;

/// <summary>Reads of ILEs and their unavailable dates, straight from SQL.</summary>
public sealed class LeaderQueries(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<InclusionLeader>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT id, name, email, school_urn, max_clusters, retired_at IS NOT NULL FROM inclusion_leaders ORDER BY name, id");
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<long, InclusionLeader>> FindManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT id, name, email, school_urn, max_clusters, retired_at IS NOT NULL FROM inclusion_leaders WHERE id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", ids.ToArray());
        return (await ReadAsync(command, cancellationToken)).ToDictionary(l => l.Id);
    }

    public async Task<IReadOnlyList<DateOnly>> UnavailableDatesAsync(long leaderId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT unavailable_on FROM leader_unavailable_dates
            WHERE leader_id = @id AND (@from::date IS NULL OR unavailable_on >= @from) AND (@to::date IS NULL OR unavailable_on <= @to)
            ORDER BY unavailable_on
            """);
        command.Parameters.AddWithValue("id", leaderId);
        command.Parameters.Add(new NpgsqlParameter<DateOnly?>("from", from));
        command.Parameters.Add(new NpgsqlParameter<DateOnly?>("to", to));
        var dates = new List<DateOnly>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            dates.Add(reader.GetFieldValue<DateOnly>(0));
        }
        return dates;
    }

    private static async Task<IReadOnlyList<InclusionLeader>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var leaders = new List<InclusionLeader>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            leaders.Add(new InclusionLeader(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt32(4), reader.GetBoolean(5)));
        }
        return leaders;
    }
}
