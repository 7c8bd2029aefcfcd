using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace InclusionNetwork.Cluster.Bench;

/// <summary>
/// One real Silo process (the built host, run with <c>dotnet</c>) on the bench's database, with
/// ports of its own, listening on loopback only. Its output is kept (the last lines) to explain a
/// failed start.
/// </summary>
internal sealed class SiloProcess : IDisposable
{
    private const int KeptLines = 40;
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private SiloProcess(Process process, string name, int httpPort, int siloPort)
    {
        this.process = process;
        Name = name;
        SiloPort = siloPort;
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    /// <summary>The silo-to-silo port, by which Orleans names this silo.</summary>
    public int SiloPort { get; }

    public Uri BaseAddress { get; }

    public bool HasExited => process.HasExited;

    public static SiloProcess Start(string name, string siloAssembly, string connectionString, string demoPassword)
    {
        var (httpPort, siloPort, gatewayPort) = (BenchSilo.FreePort(), BenchSilo.FreePort(), BenchSilo.FreePort());
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(siloAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            siloAssembly,
            $"--Urls=http://127.0.0.1:{httpPort}",
            $"--ConnectionStrings:Postgres={connectionString}",
            "--Demo:Load=true",
            $"--Demo:Password={demoPassword}",
            $"--Cluster:SiloPort={siloPort}",
            $"--Cluster:GatewayPort={gatewayPort}",
            // Loopback only: the silos find each other on this machine and nowhere else.
            "--Cluster:AdvertisedAddress=127.0.0.1",
            "--Logging:LogLevel:Default=Warning",
        })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {siloAssembly}.");
        return new SiloProcess(process, name, httpPort, siloPort);
    }

    /// <summary>Waits until <c>/readyz</c> answers 200: migrated, and an active member of the cluster.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Silo {Name} exited with code {process.ExitCode} before it was ready:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync("/readyz");
                if (response.StatusCode == HttpStatusCode.OK)
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
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Silo {Name} was not ready after {limit.TotalSeconds:F0} s:\n{Output}");
            }
            await Task.Delay(250);
        }
    }

    /// <summary>A personal access token for <paramref name="email"/>, issued by this silo.</summary>
    public async Task<string> SignInAsync(string email, string password)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        using var response = await http.PostAsJsonAsync("/auth/token", new { email, password, name = "cluster bench" });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Signing in as {email} on silo {Name} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>SIGKILL (kill -9): no shutdown, no goodbye to the cluster.</summary>
    public void KillHard()
    {
        process.Kill();
        process.WaitForExit();
    }

    private string Output => string.Join('\n', output);

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        output.Enqueue(line);
        while (output.Count > KeptLines)
        {
            output.TryDequeue(out _);
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process.Dispose();
    }
}
