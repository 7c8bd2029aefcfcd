using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace InclusionNetwork.Silo.Database;

/// <summary>
/// A private PostgreSQL cluster run from the machine's server binaries: created with
/// initdb on first use, started on a free loopback port, stopped on dispose. Its data
/// stays in <see cref="EmbeddedPostgresOptions.DataRoot"/> between runs.
/// </summary>
public sealed class EmbeddedPostgresServer : IAsyncDisposable
{
    private const string SuperUser = "inclusion";
    private readonly PostgresBinaries binaries;
    private readonly EmbeddedPostgresOptions options;
    private readonly string? runAsUser;
    private int stopped;

    private EmbeddedPostgresServer(PostgresBinaries binaries, EmbeddedPostgresOptions options, int port, string password)
    {
        this.binaries = binaries;
        this.options = options;
        Port = port;
        runAsUser = Environment.UserName == "root" ? "postgres" : null;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = SuperUser,
            Password = password,
            Database = options.DatabaseName,
        }.ConnectionString;
    }

    public int Port { get; }

    /// <summary>Connection string to the application database (created on first start).</summary>
    public string ConnectionString { get; }

    private string ClusterDirectory => Path.Combine(options.DataRoot, "pgdata");
    private string PasswordFile => Path.Combine(options.DataRoot, "superuser.password");
    private string LogFile => Path.Combine(options.DataRoot, "postgres.log");

    /// <summary>Creates the cluster if needed, starts it and makes sure the database exists.</summary>
    /// <exception cref="EmbeddedPostgresException">No binaries, or the server would not start.</exception>
    public static async Task<EmbeddedPostgresServer> StartAsync(EmbeddedPostgresOptions options, CancellationToken cancellationToken = default)
    {
        var binaries = PostgresBinaries.Locate(options.BinDirectory) ?? throw new EmbeddedPostgresException(PostgresBinaries.InstallHint);
        Directory.CreateDirectory(options.DataRoot);
        var password = ReadOrCreatePassword(Path.Combine(options.DataRoot, "superuser.password"));
        var server = new EmbeddedPostgresServer(binaries, options, FreeLoopbackPort(), password);
        server.InitialiseClusterIfMissing(password);
        server.Start();
        await server.EnsureDatabaseAsync(cancellationToken);
        return server;
    }

    private static string ReadOrCreatePassword(string file)
    {
        if (File.Exists(file))
        {
            return File.ReadAllText(file).Trim();
        }
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        File.WriteAllText(file, password);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return password;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void InitialiseClusterIfMissing(string password)
    {
        if (File.Exists(Path.Combine(ClusterDirectory, "PG_VERSION")))
        {
            return;
        }
        Directory.CreateDirectory(ClusterDirectory);
        // initdb reads the superuser password from a file; it must be readable by the
        // server's user, so it gets a short-lived copy inside the cluster's own folder.
        var initPasswordFile = Path.Combine(options.DataRoot, ".initdb-password");
        File.WriteAllText(initPasswordFile, password);
        try
        {
            GiveToServerUser(options.DataRoot);
            Run(binaries.InitDb,
            [
                "-D", ClusterDirectory, "-U", SuperUser, "--pwfile", initPasswordFile,
                "--auth-host=scram-sha-256", "--auth-local=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8",
            ], TimeSpan.FromMinutes(2), "initdb");
        }
        finally
        {
            File.Delete(initPasswordFile);
        }
    }

    /// <summary>
    /// As root, the cluster belongs to the `postgres` system user, and every folder above
    /// it must let that user through, or the server cannot open its own files.
    /// </summary>
    private void GiveToServerUser(string dataRoot)
    {
        if (runAsUser is null || OperatingSystem.IsWindows())
        {
            return;
        }
        ProcessRunner.Run("chown", ["-R", runAsUser, dataRoot], null, TimeSpan.FromMinutes(1));
        for (var dir = Directory.GetParent(Path.GetFullPath(dataRoot)); dir is not null; dir = dir.Parent)
        {
            var mode = File.GetUnixFileMode(dir.FullName);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                throw new EmbeddedPostgresException(
                    $"The PostgreSQL data folder {dataRoot} is inside {dir.FullName}, which the 'postgres' system user cannot enter. " +
                    "Run from a folder that user can reach, or set Postgres:Embedded:DataDirectory to one.");
            }
        }
    }

    private void Start()
    {
        var serverOptions = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''";
        if (options.Throwaway)
        {
            serverOptions += " -c fsync=off -c full_page_writes=off -c synchronous_commit=off";
        }
        Run(binaries.PgCtl, ["-D", ClusterDirectory, "-l", LogFile, "-o", serverOptions, "-w", "-t", "60", "start"],
            TimeSpan.FromSeconds(90), "pg_ctl start");
    }

    private void Run(string program, IReadOnlyList<string> arguments, TimeSpan timeout, string what)
    {
        var result = ProcessRunner.Run(program, arguments, runAsUser, timeout);
        if (result.ExitCode != 0)
        {
            var log = File.Exists(LogFile) ? File.ReadLines(LogFile).TakeLast(10) : [];
            throw new EmbeddedPostgresException(
                $"{what} failed with exit code {result.ExitCode}: {result.Output.Trim()} {string.Join(Environment.NewLine, log)}".Trim());
        }
    }

    private async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", options.DatabaseName);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{options.DatabaseName}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Stops the server (fast shutdown: open sessions are ended, data is safe).</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        ProcessRunner.Run(binaries.PgCtl, ["-D", ClusterDirectory, "-m", "fast", "-w", "stop"], runAsUser, TimeSpan.FromSeconds(60));
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
