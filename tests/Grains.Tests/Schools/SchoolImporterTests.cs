using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Schools;
using InclusionNetwork.TestSupport;
using Npgsql;

namespace InclusionNetwork.Grains.Tests.Schools;

[Collection(PostgresCollection.Name)]
public sealed class SchoolImporterTests(PostgresFixture postgres)
{
    private const string Header = "URN,EstablishmentName,TypeOfEstablishment (name),PhaseOfEducation (name),EstablishmentStatus (name),DistrictAdministrative (name),Postcode\n";

    [Fact]
    public async Task A_file_with_one_bad_row_leaves_the_database_unchanged()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateMigratedDatabaseAsync());
        var importer = new SchoolImporter(dataSource, new DomainClock(TimeProvider.System));
        await importer.ImportAsync(new StringReader(Header + "118001,Kept,Community school,Primary,Open,Dover,\n"));

        await Assert.ThrowsAsync<SchoolImportException>(() => importer.ImportAsync(new StringReader(Header +
            "118001,Renamed,Community school,Primary,Open,Dover,\n" +
            "118002,New,Community school,Primary,Open,Nowhere,\n")));

        await using var command = dataSource.CreateCommand("SELECT string_agg(name, ',') FROM schools");
        Assert.Equal("Kept", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Reimporting_counts_inserted_updated_and_unchanged_and_bumps_the_version_of_changed_rows_only()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateMigratedDatabaseAsync());
        var importer = new SchoolImporter(dataSource, new DomainClock(TimeProvider.System));
        await importer.ImportAsync(new StringReader(Header +
            "118001,One,Community school,Primary,Open,Dover,\n118002,Two,Community school,Primary,Open,Dover,\n"));

        var result = await importer.ImportAsync(new StringReader(Header +
            "118001,One,Community school,Primary,Open,Dover,\n118002,Two,Community school,Primary,Closed,Dover,\n118003,Three,Free schools,Secondary,Open,Dover,\n"));

        Assert.Equal(new SchoolImportResult(1, 1, 1), result);
        await using var command = dataSource.CreateCommand("SELECT string_agg(urn || ':' || version, ',' ORDER BY urn) FROM schools");
        Assert.Equal("118001:1,118002:2,118003:1", await command.ExecuteScalarAsync());
    }
}
