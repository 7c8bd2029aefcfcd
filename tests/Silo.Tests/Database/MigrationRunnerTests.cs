using InclusionNetwork.Silo.Database;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace InclusionNetwork.Silo.Tests.Database;

[Collection(PostgresCollection.Second)]
public sealed class MigrationRunnerTests(PostgresFixture postgres) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("migrations-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private void Write(string fileName, string sql) => File.WriteAllText(Path.Combine(folder, fileName), sql);

    [Fact]
    public async Task Applies_in_order_and_records_each_with_its_checksum()
    {
        Write("0002_second.sql", "INSERT INTO things VALUES (2);");
        Write("0001_first.sql", "CREATE TABLE things (n integer);");
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateEmptyDatabaseAsync());
        var runner = new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance);

        var applied = await runner.ApplyAsync(Migration.LoadFrom(folder));

        Assert.Equal(["0001_first.sql", "0002_second.sql"], applied.Select(m => m.FileName));
        await using var command = dataSource.CreateCommand("SELECT number, checksum FROM schema_migrations ORDER BY number");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(Migration.ChecksumOf("CREATE TABLE things (n integer);"), reader.GetString(1));
    }

    [Fact]
    public async Task A_second_run_applies_nothing()
    {
        Write("0001_first.sql", "CREATE TABLE things (n integer);");
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateEmptyDatabaseAsync());
        var runner = new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance);
        await runner.ApplyAsync(Migration.LoadFrom(folder));

        var second = await runner.ApplyAsync(Migration.LoadFrom(folder));

        Assert.Empty(second);
        Assert.True(await runner.IsUpToDateAsync(Migration.LoadFrom(folder)));
    }

    [Fact]
    public async Task An_edited_applied_migration_stops_start_up_naming_the_file()
    {
        Write("0001_first.sql", "CREATE TABLE things (n integer);");
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateEmptyDatabaseAsync());
        var runner = new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance);
        await runner.ApplyAsync(Migration.LoadFrom(folder));
        Write("0001_first.sql", "CREATE TABLE things (n bigint);");

        var error = await Assert.ThrowsAsync<MigrationException>(() => runner.ApplyAsync(Migration.LoadFrom(folder)));

        Assert.Contains("0001_first.sql", error.Message);
        Assert.False(await runner.IsUpToDateAsync(Migration.LoadFrom(folder)));
    }

    [Fact]
    public async Task A_failing_migration_leaves_nothing_behind()
    {
        Write("0001_first.sql", "CREATE TABLE things (n integer);");
        Write("0002_broken.sql", "CREATE TABLE half (n integer); SELECT * FROM no_such_table;");
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateEmptyDatabaseAsync());
        var runner = new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance);

        var error = await Assert.ThrowsAsync<MigrationException>(() => runner.ApplyAsync(Migration.LoadFrom(folder)));

        Assert.Contains("0002_broken.sql", error.Message);
        await using var command = dataSource.CreateCommand("SELECT to_regclass('half') IS NULL AND (SELECT count(*) FROM schema_migrations) = 1");
        Assert.True((bool)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Silos_starting_together_apply_each_migration_exactly_once()
    {
        // A migration that would fail if run twice: the second CREATE TABLE would clash.
        Write("0001_first.sql", "CREATE TABLE things (n integer); SELECT pg_sleep(0.2);");
        Write("0002_second.sql", "CREATE TABLE others (n integer);");
        var connectionString = await postgres.CreateEmptyDatabaseAsync();
        var runs = Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            return await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(Migration.LoadFrom(folder));
        });

        var results = await Task.WhenAll(runs);

        Assert.Equal(2, results.Sum(r => r.Count));
    }

    [Fact]
    public void Misnamed_files_are_refused()
    {
        Write("1_first.sql", "SELECT 1;");

        var error = Assert.Throws<MigrationException>(() => Migration.LoadFrom(folder));

        Assert.Contains("1_first.sql", error.Message);
    }

    [Fact]
    public async Task The_product_migrations_apply_cleanly()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateMigratedDatabaseAsync());
        var runner = new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance);

        Assert.True(await runner.IsUpToDateAsync(Migration.LoadFrom(PostgresFixture.MigrationsDirectory)));
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM districts");
        Assert.Equal(12L, await command.ExecuteScalarAsync());
    }
}
