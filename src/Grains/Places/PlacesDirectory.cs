using Npgsql;

namespace InclusionNetwork.Grains.Places;

/// <summary>
/// Areas and districts: reference data seeded by migration that never changes while the
/// Silo runs, so it is read once and kept.
/// </summary>
public sealed class PlacesDirectory(NpgsqlDataSource dataSource)
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private (IReadOnlyList<Area> Areas, IReadOnlyList<District> Districts)? places;

    public async Task<IReadOnlyList<Area>> AreasAsync(CancellationToken cancellationToken = default) => (await LoadAsync(cancellationToken)).Areas;

    public async Task<IReadOnlyList<District>> DistrictsAsync(CancellationToken cancellationToken = default) => (await LoadAsync(cancellationToken)).Districts;

    public async Task<District?> DistrictAsync(string id, CancellationToken cancellationToken = default) =>
        (await DistrictsAsync(cancellationToken)).FirstOrDefault(d => d.Id == id);

    public async Task<Area?> AreaAsync(string id, CancellationToken cancellationToken = default) =>
        (await AreasAsync(cancellationToken)).FirstOrDefault(a => a.Id == id);

    private async Task<(IReadOnlyList<Area> Areas, IReadOnlyList<District> Districts)> LoadAsync(CancellationToken cancellationToken)
    {
        if (places is { } loaded)
        {
            return loaded;
        }
        await loading.WaitAsync(cancellationToken);
        try
        {
            if (places is { } again)
            {
                return again;
            }
            var areas = new List<Area>();
            await using (var command = dataSource.CreateCommand("SELECT id, name FROM areas ORDER BY sort_order"))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    areas.Add(new Area(reader.GetString(0), reader.GetString(1)));
                }
            }
            var districts = new List<District>();
            await using (var command = dataSource.CreateCommand("SELECT id, name, area_id FROM districts ORDER BY name"))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    districts.Add(new District(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                }
            }
            places = (areas, districts);
            return places.Value;
        }
        finally
        {
            loading.Release();
        }
    }
}
