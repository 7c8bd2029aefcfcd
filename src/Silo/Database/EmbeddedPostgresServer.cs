using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace InclusionNetwork.Silo.Database;

/// <summary>
/// A private PostgreSQL cluster run from the machine's server binaries: created with
/// initdb on first use, started on a loopback port chosen once and kept in the data folder
/// (so the database keeps its address across restarts), stopped on dispose. Its data stays
/// in <see cref="EmbeddedPostgresOptions.DataRoot"/> between runs. A start recovers from a
/// host that was killed: a server still running on the cluster is taken over, and a lock
/// file left by a server that is gone is removed.
/// </summary>
public sealed class EmbeddedPostgresServer : IAsyncDisposable
{
    private const string SuperUser = "inclusion";

    /// <summary>The role the application serves as: it may read and write rows, nothing more.</summary>
    public const string ServingRole = "inclusion_app";
    private readonly PostgresBinaries binaries;
    private readonly EmbeddedPostgresOptions options;
    private readonly string? runAsUser;
    private int stopped;

    private readonly string servingPassword;

    private EmbeddedPostgresServer(PostgresBinaries binaries, EmbeddedPostgresOptions options, int port, string password, string servingPassword)
    {
        this.servingPassword = servingPassword;
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
        AppConnectionString = new NpgsqlConnectionStringBuilder(ConnectionString) { Username = ServingRole, Password = servingPassword }.ConnectionString;
    }

    public int Port { get; }

    /// <summary>
    /// Connection string to the application database (created on first start) as the
    /// cluster's superuser, who owns the schema: for migrations and administration only.
    /// </summary>
    public string ConnectionString { get; }

    /// <summary>
    /// Connection string to the application database as <see cref="ServingRole"/>, which the
    /// application serves requests as; the migration runner grants it its rights.
    /// </summary>
    public string AppConnectionString { get; }

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
        var clusterDirectory = Path.Combine(options.DataRoot, "pgdata");
        var running = RunningServerPort(clusterDirectory);
        var portFile = Path.Combine(options.DataRoot, "port");
        if (running is { } runningPort)
        {
            // A server started before the port was kept keeps the one it has.
            File.WriteAllText(portFile, runningPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var port = running ?? ReadOrChoosePort(portFile);
        var servingPassword = ReadOrCreatePassword(Path.Combine(options.DataRoot, "app.password"));
        var server = new EmbeddedPostgresServer(binaries, options, port, password, servingPassword);
        server.InitialiseClusterIfMissing(password);
        if (running is null)
        {
            server.Start();
        }
        await server.EnsureDatabaseAsync(cancellationToken);
        return server;
    }

    /// <summary>
    /// The port of a server already running on this cluster (one whose host was killed, so
    /// nobody stopped it), to be taken over rather than started twice. A lock file whose
    /// process is gone, or is not PostgreSQL (its PID reused after a crash or a reboot), is
    /// stale: it is removed, since PostgreSQL itself refuses to start while a live process
    /// has the PID it names.
    /// </summary>
    private static int? RunningServerPort(string clusterDirectory)
    {
        var lockFile = Path.Combine(clusterDirectory, "postmaster.pid");
        if (!File.Exists(lockFile))
        {
            return null;
        }
        // Line 1 is the postmaster's PID, line 4 its port (PostgreSQL's pidfile.h).
        var lines = File.ReadAllLines(lockFile);
        if (lines.Length >= 4
            && int.TryParse(lines[0].Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid)
            && int.TryParse(lines[3].Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
            && IsRunningPostgres(pid))
        {
            return port;
        }
        File.Delete(lockFile);
        return null;
    }

    private static bool IsRunningPostgres(int pid)
    {
        Process process;
        try
        {
            process = Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            // GetProcessById's way of saying no process has that id.
            return false;
        }
        using (process)
        {
            return !process.HasExited && process.ProcessName is "postgres" or "postmaster";
        }
    }

    /// <summary>
    /// The port kept in the data folder, so the embedded database has one address for good
    /// (tools and connection strings that point at it keep working). A new one is chosen, and
    /// kept, the first time, or when another program has taken the kept one meanwhile.
    /// </summary>
    private static int ReadOrChoosePort(string file)
    {
        if (File.Exists(file)
            && int.TryParse(File.ReadAllText(file).Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var kept)
            && IsFreeLoopbackPort(kept))
        {
            return kept;
        }
        var port = FreeLoopbackPort();
        File.WriteAllText(file, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return port;
    }

    private static bool IsFreeLoopbackPort(int port)
    {
        if (port is < IPEndPoint.MinPort + 1 or > IPEndPoint.MaxPort)
        {
            return false;
        }
        using var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            // The port is in use: that is the answer, not a failure.
            return false;
        }
        finally
        {
            listener.Stop();
        }
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
            // A throwaway server is the tests': they start and stop many silos on it, and each silo
            // keeps its pools (serving, token lookups, Orleans') open until it is disposed, so it is
            // given room for several silos at once beyond the default of 100 clients.
            serverOptions += " -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=300";
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
        // The serving role logs in but owns nothing and may create nothing; its rights on the
        // tables come from the migration runner. The password is hex, so it is safe inline.
        await using var role = new NpgsqlCommand($"""
            DO $$ BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{ServingRole}') THEN
                    CREATE ROLE {ServingRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
                END IF;
            END $$;
            ALTER ROLE {ServingRole} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '{servingPassword}';
            """, connection);
        await role.ExecuteNonQueryAsync(cancellationToken);
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
