using System.Diagnostics;
using InclusionNetwork.Silo.Database;
using Npgsql;

namespace InclusionNetwork.Silo.Tests.Database;

public sealed class EmbeddedPostgresServerTests : IDisposable
{
    private readonly string dataRoot = Path.Combine(Path.GetTempPath(), "inclusion-network-tests", "embedded-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(dataRoot))
        {
            Directory.Delete(dataRoot, recursive: true);
        }
    }

    [Fact]
    public async Task Data_survives_a_stop_and_a_start()
    {
        var options = new EmbeddedPostgresOptions { DataRoot = dataRoot, Throwaway = true };
        await using (var first = await EmbeddedPostgresServer.StartAsync(options))
        {
            await using var dataSource = NpgsqlDataSource.Create(first.ConnectionString);
            await using var create = dataSource.CreateCommand("CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
            await create.ExecuteNonQueryAsync();
        }

        await using var second = await EmbeddedPostgresServer.StartAsync(options);
        await using var again = NpgsqlDataSource.Create(second.ConnectionString);
        await using var read = again.CreateCommand("SELECT note FROM kept");
        Assert.Equal("still here", await read.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Stopping_ends_the_server_process()
    {
        var server = await EmbeddedPostgresServer.StartAsync(new EmbeddedPostgresOptions { DataRoot = dataRoot, Throwaway = true });
        var pidFile = Path.Combine(dataRoot, "pgdata", "postmaster.pid");
        Assert.True(File.Exists(pidFile));

        await server.DisposeAsync();

        Assert.False(File.Exists(pidFile));
        await using var connection = new NpgsqlConnection(server.ConnectionString + ";Timeout=2");
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());
    }

    [Fact]
    public async Task Missing_binaries_are_named_in_one_line()
    {
        var error = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => EmbeddedPostgresServer.StartAsync(
            new EmbeddedPostgresOptions { DataRoot = dataRoot, BinDirectory = "/nonexistent/postgresql/bin" }));

        Assert.Equal(PostgresBinaries.InstallHint, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task The_silo_exits_non_zero_with_that_line_when_no_binaries_are_found()
    {
        var silo = Path.Combine(AppContext.BaseDirectory, "InclusionNetwork.Silo.dll");
        var start = new ProcessStartInfo("dotnet", [silo])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Directory.CreateDirectory(dataRoot).FullName,
        };
        start.Environment["Postgres__Embedded__BinDirectory"] = "/nonexistent/postgresql/bin";
        start.Environment["ConnectionStrings__Postgres"] = "";
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.NotEqual(0, process.ExitCode);
        Assert.Equal(PostgresBinaries.InstallHint, stderr.Trim());
    }
}
