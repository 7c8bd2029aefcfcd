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
    public async Task A_restart_keeps_the_port_kept_in_the_data_folder()
    {
        var options = new EmbeddedPostgresOptions { DataRoot = dataRoot, Throwaway = true };
        int port;
        await using (var first = await EmbeddedPostgresServer.StartAsync(options))
        {
            port = first.Port;
        }

        await using var second = await EmbeddedPostgresServer.StartAsync(options);

        Assert.Equal(port, second.Port);
        Assert.Equal(port.ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(Path.Combine(dataRoot, "port")).Trim());
        Assert.Equal(1, await SelectOneAsync(second.ConnectionString));
    }

    [Fact]
    public async Task A_server_left_running_by_a_killed_host_is_taken_over_on_the_next_start()
    {
        var options = new EmbeddedPostgresOptions { DataRoot = dataRoot, Throwaway = true };
        // The first host "dies": it never stops its server, which keeps running on the cluster.
        var orphaned = await EmbeddedPostgresServer.StartAsync(options);
        var orphanPid = File.ReadLines(Path.Combine(dataRoot, "pgdata", "postmaster.pid")).First();

        await using (var next = await EmbeddedPostgresServer.StartAsync(options))
        {
            Assert.Equal(orphaned.Port, next.Port);
            Assert.Equal(orphanPid, File.ReadLines(Path.Combine(dataRoot, "pgdata", "postmaster.pid")).First());
            Assert.Equal(1, await SelectOneAsync(next.AppConnectionString));
        }

        Assert.False(File.Exists(Path.Combine(dataRoot, "pgdata", "postmaster.pid")));
    }

    [Fact]
    public async Task A_lock_file_naming_a_process_that_is_not_postgres_is_removed_and_the_server_starts()
    {
        var options = new EmbeddedPostgresOptions { DataRoot = dataRoot, Throwaway = true };
        int port;
        await using (var first = await EmbeddedPostgresServer.StartAsync(options))
        {
            port = first.Port;
        }
        // After a crash and a reboot the PID in the lock file may belong to any live process
        // of the server's user (PostgreSQL then refuses to start): here, a sleeping one.
        using var stranger = Process.Start(Environment.UserName == "root"
            ? new ProcessStartInfo("setpriv", ["--reuid=postgres", "--regid=postgres", "--clear-groups", "sleep", "300"])
            : new ProcessStartInfo("sleep", ["300"]))!;
        var lockFile = Path.Combine(dataRoot, "pgdata", "postmaster.pid");
        File.WriteAllLines(lockFile,
        [
            stranger.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Path.Combine(dataRoot, "pgdata"), "1700000000", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "", "127.0.0.1", "  1234  5678", "ready",
        ]);

        try
        {
            await using var restarted = await EmbeddedPostgresServer.StartAsync(options);

            Assert.Equal(1, await SelectOneAsync(restarted.ConnectionString));
            Assert.NotEqual(stranger.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadLines(lockFile).First());
        }
        finally
        {
            stranger.Kill();
        }
    }

    [Fact]
    public async Task The_application_role_reads_and_writes_rows_but_is_no_superuser_and_cannot_change_the_schema()
    {
        await using var server = await EmbeddedPostgresServer.StartAsync(new EmbeddedPostgresOptions { DataRoot = dataRoot, Throwaway = true });
        await using var app = NpgsqlDataSource.Create(server.AppConnectionString);

        await using var who = app.CreateCommand("SELECT current_user, rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user");
        await using var reader = await who.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(EmbeddedPostgresServer.ServingRole, reader.GetString(0));
        Assert.False(reader.GetBoolean(1));
        Assert.False(reader.GetBoolean(2));
        Assert.False(reader.GetBoolean(3));
        await reader.DisposeAsync();
        await using var create = app.CreateCommand("CREATE TABLE sneaky (id int)");
        var refused = await Assert.ThrowsAsync<PostgresException>(() => create.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    private static async Task<int> SelectOneAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT 1");
        return (int)(await command.ExecuteScalarAsync())!;
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
