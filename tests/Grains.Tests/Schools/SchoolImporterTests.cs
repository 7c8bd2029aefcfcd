using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsvHelper;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Schools;
using InclusionNetwork.TestSupport;
using Npgsql;
using Xunit.Abstractions;

namespace InclusionNetwork.Grains.Tests.Schools;

[Collection(PostgresCollection.Name)]
public sealed class SchoolImporterTests(PostgresFixture postgres, ITestOutputHelper output)
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

    /// <summary>The columns of GIAS's establishment extract, in its order, up to those the import reads and a few after.</summary>
    private static readonly string[] GiasColumns =
    [
        "URN", "LA (code)", "LA (name)", "EstablishmentNumber", "EstablishmentName", "TypeOfEstablishment (name)",
        "EstablishmentTypeGroup (name)", "EstablishmentStatus (name)", "OpenDate", "PhaseOfEducation (name)",
        "StatutoryLowAge", "StatutoryHighAge", "Street", "Locality", "Town", "Postcode", "SchoolWebsite",
        "TelephoneNum", "HeadFirstName", "HeadLastName", "DistrictAdministrative (name)", "UKPRN",
    ];

    private static readonly (string Type, string Group, string Phase)[] Kinds =
    [
        ("Community school", "Local authority maintained schools", "Primary"),
        ("Academy converter", "Academies", "Secondary"),
        ("Voluntary aided school", "Local authority maintained schools", "Primary"),
        ("Free schools", "Free Schools", "All-through"),
        ("Community special school", "Special schools", "Not applicable"),
    ];

    [Fact]
    public async Task A_whole_county_sized_windows_1252_extract_lands_in_full_and_one_bad_row_among_tens_of_thousands_refuses_it_naming_the_line()
    {
        const int rows = 30_000;
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateMigratedDatabaseAsync());
        var importer = new SchoolImporter(dataSource, new DomainClock(TimeProvider.System));
        var districts = new List<string>();
        await using (var command = dataSource.CreateCommand("SELECT name FROM districts ORDER BY sort_order"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                districts.Add(reader.GetString(0));
            }
        }

        var clock = Stopwatch.StartNew();
        var extract = Extract(rows, districts, name: i => $"St Mary’s School {i}, \"Upper\"", badRow: null);
        var written = clock.Elapsed;
        clock.Restart();
        var result = await importer.ImportAsync(new StringReader(GiasExtractText.Decode(extract)));
        var imported = clock.Elapsed;

        Assert.Equal(new SchoolImportResult(rows, 0, 0), result);
        await using (var command = dataSource.CreateCommand("SELECT count(*), count(*) FILTER (WHERE name = 'St Mary’s School 29999, \"Upper\"') FROM schools"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            Assert.Equal((long)rows, reader.GetInt64(0));
            Assert.Equal(1L, reader.GetInt64(1));
        }

        // Every school renamed, but one row's district is not the county's: nothing may change.
        const int badRow = 21_345;
        clock.Restart();
        var refused = await Assert.ThrowsAsync<SchoolImportException>(() => importer.ImportAsync(
            new StringReader(GiasExtractText.Decode(Extract(rows, districts, name: i => $"Renamed {i}", badRow)))));
        var refusedIn = clock.Elapsed;

        var error = Assert.Single(refused.Errors);
        Assert.Equal(badRow + 2, error.LineNumber);
        Assert.Contains("'Leeds'", error.Message);
        await using (var command = dataSource.CreateCommand("SELECT count(*) FROM schools WHERE name LIKE 'Renamed %'"))
        {
            Assert.Equal(0L, await command.ExecuteScalarAsync());
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows} rows: written as CSV in {written.TotalMilliseconds:F0} ms, imported in {imported.TotalMilliseconds:F0} ms, refused in {refusedIn.TotalMilliseconds:F0} ms ({extract.Length / 1024} KiB)"));
    }

    /// <summary>A GIAS-shaped extract, written with CsvHelper and encoded as GIAS publishes it, in Windows-1252.</summary>
    private static byte[] Extract(int rows, IReadOnlyList<string> districts, Func<int, string> name, int? badRow)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions(), leaveOpen: true))
        {
            csv.WriteRecord(GiasColumns);
            for (var i = 0; i < rows; i++)
            {
                var (type, group, phase) = Kinds[i % Kinds.Length];
                var number = i.ToString(CultureInfo.InvariantCulture);
                csv.WriteRecord([
                    (100_000 + i).ToString(CultureInfo.InvariantCulture), "886", "Kent", number, name(i), type, group,
                    i % 50 == 0 ? "Closed" : "Open", "01-09-2010", phase, "4", "11", $"{i} High Street", "", "Canterbury",
                    $"CT{i % 20} {i % 9}AB", "", "01227 000000", "Sam", "O’Brien",
                    i == badRow ? "Leeds" : districts[i % districts.Count], "",
                ]);
            }
        }
        return Encoding.GetEncoding(1252).GetBytes(text.ToString());
    }
}
