using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace InclusionNetwork.Attack.Bench;

/// <summary>
/// One Silo as its own process (the Silo's build output run with <c>dotnet</c>), on a free
/// loopback port, against the shared database under its own PostgreSQL application name.
/// Its output goes to a log file beside the database, so the driver's console stays readable.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SiloProcess(string name, Process process, Uri baseAddress, string logPath)
    {
        Name = name;
        _process = process;
        BaseAddress = baseAddress;
        LogPath = logPath;
    }

    public string Name { get; }

    /// <summary>The PostgreSQL application name its connections carry.</summary>
    public string ApplicationName => "attack-bench-" + Name;

    public int Pid => _process.Id;

    public Uri BaseAddress { get; }

    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    public static async Task<SiloProcess> StartAsync(
        string name, string siloAssembly, string connectionString, bool loadDemoData, string demoPassword, string logDirectory, IEnumerable<string> extraArguments)
    {
        var port = FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(siloAssembly)!,
        };
        string[] arguments =
        [
            siloAssembly,
            $"--urls={baseAddress}",
            $"--ConnectionStrings:Postgres={connectionString};Application Name=attack-bench-{name}",
            $"--Demo:Load={loadDemoData}",
            $"--Demo:Password={demoPassword}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:Format=simple",
            // Both silos join one Orleans cluster on this machine: each needs its own ports.
            $"--Cluster:SiloPort={FreeLoopbackPort()}",
            $"--Cluster:GatewayPort={FreeLoopbackPort()}",
            "--Cluster:AdvertisedAddress=127.0.0.1",
            .. extraArguments,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var logPath = Path.Combine(logDirectory, $"silo-{name}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var silo = new SiloProcess(name, process, baseAddress, logPath);
        await silo.WaitUntilReadyAsync(TimeSpan.FromMinutes(5));
        return silo;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Silo {Name} exited with code {_process.ExitCode}; see {LogPath}.");
            }

            try
            {
                if ((await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but busy starting.
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"Silo {Name} was not ready within {timeout}; see {LogPath}.");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
