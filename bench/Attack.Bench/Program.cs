using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using InclusionNetwork.Attack.Bench;
using InclusionNetwork.Silo.Database;
using Npgsql;

// Resource attacks on /graphql against two Silo processes sharing one throwaway PostgreSQL,
// all on loopback (the attacker from 127.0.0.2, the ordinary visitor from 127.0.0.1). Measures
// the ordinary query's latency quietly (after a warm-up, before and after the attacks), runs
// each attack in a bounded loop (a request count and a duration) with the ordinary query probing both silos
// alongside, and prints per silo: peak resident memory (sampled VmRSS, and VmHWM reset at each
// attack's start where the kernel allows), CPU seconds during the attack and in the seconds
// after it (work that went on after the clients left), the most PostgreSQL connections the
// silo held, and the ordinary query's median and 95th-percentile latency under attack beside
// quiet, as ratios (at the end, against the faster of the two quiet figures). The driver's own CPU seconds are printed too: it shares the machine's cores
// with the silos, so bodies are encoded once (GraphQLBody) rather than for every request.
// Usage: dotnet run -c Release --project bench/Attack.Bench [-- --quick] [--only "leader fan-out"]
//        [--silo-arg --Database:MaxPoolSize=40]   (--only and --silo-arg may be repeated)
const string DemoPassword = "attack-bench-password";
const int QuietWarmUps = 300;
const int QuietSamples = 200;
var quick = args.Contains("--quick");
var only = ValuesOf(args, "--only");
var siloArguments = ValuesOf(args, "--silo-arg");
var tail = TimeSpan.FromSeconds(quick ? 2 : 5);

var repositoryRoot = FindRepositoryRoot();
#if DEBUG
const string configuration = "Debug";
#else
const string configuration = "Release";
#endif
var siloAssembly = Path.Combine(repositoryRoot, "src", "Silo", "bin", configuration, "net10.0", "InclusionNetwork.Silo.dll");
if (!File.Exists(siloAssembly))
{
    Console.Error.WriteLine($"The Silo is not built at {siloAssembly}; build it with the same configuration as this driver.");
    return 1;
}

var dataRoot = Path.Combine(Path.GetTempPath(), "attack-bench-" + Guid.NewGuid().ToString("N"));
Console.WriteLine($"Attack bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}{(quick ? ", quick run" : "")}; PostgreSQL and silo logs in {dataRoot}");
var database = await EmbeddedPostgresServer.StartAsync(new EmbeddedPostgresOptions { DataRoot = dataRoot, Throwaway = true, DatabaseName = "attack_bench" });

// The first silo migrates and loads the demo county; the second joins a ready database.
var silos = new List<SiloProcess>();
try
{
    silos.Add(await SiloProcess.StartAsync("a", siloAssembly, database.ConnectionString, loadDemoData: true, DemoPassword, dataRoot, siloArguments));
    silos.Add(await SiloProcess.StartAsync("b", siloAssembly, database.ConnectionString, loadDemoData: false, DemoPassword, dataRoot, siloArguments));
    Console.WriteLine(string.Join("; ", silos.Select(s => $"silo {s.Name}: pid {s.Pid} at {s.BaseAddress}")));

    // The ordinary visitor and the attacker are different people at different addresses, as on
    // the internet: the attacker's connections come from 127.0.0.2, so limits kept per address
    // count the attacker's requests, not the visitor's.
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { Timeout = Timeout.InfiniteTimeSpan };
    using var attackerHttp = new HttpClient(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 512,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            var connected = false;
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                connected = true;
                return new NetworkStream(socket, ownsSocket: true);
            }
            finally
            {
                if (!connected)
                {
                    socket.Dispose();
                }
            }
        },
    }) { Timeout = Timeout.InfiniteTimeSpan };
    var leaderToken = await SignInAsync(attackerHttp, silos[0].BaseAddress, "leader1@demo.test", DemoPassword);
    await using var statistics = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = "attack-bench-driver" }.ConnectionString);
    await statistics.OpenAsync();

    // Warm-up: enough ordinary queries for .NET's tiered compilation to settle, or the quiet
    // figures (taken first) are slower than the same query under attack minutes later.
    foreach (var silo in silos)
    {
        for (var i = 0; i < QuietWarmUps; i++)
        {
            await OrdinaryAsync(http, silo);
        }
    }

    // Quiet: the ordinary query alone, sampled exactly as the probe does under attack; again
    // after the attacks, and each ratio is taken against the faster of the two.
    var quietBefore = await QuietAsync();
    Console.WriteLine($"Ordinary query {Attacks.Ordinary}");
    Console.WriteLine("  quiet before the attacks: " + string.Join(", ", silos.Select(s => $"silo {s.Name} p50 {quietBefore[s].Median:F1} ms p95 {quietBefore[s].P95:F1} ms")));
    var results = new List<(string Attack, SiloProcess Silo, Latency Attacked)>();

    // How long one leader fan-out takes with nothing else running: what a burst of them queues behind.
    var fanOutAlone = GraphQLBody.Of(Attacks.LeaderFanOut());
    var alone = new List<double>();
    for (var i = 0; i < 5; i++)
    {
        var stopwatch = Stopwatch.StartNew();
        await SendAsync(attackerHttp, silos[0], fanOutAlone, 0, leaderToken, null, CancellationToken.None);
        alone.Add(stopwatch.Elapsed.TotalMilliseconds);
    }

    Console.WriteLine($"  one leader fan-out alone: median {Median(alone):F0} ms");

    // The PostgreSQL server's CPU (postmaster and backends), which the silos' CPU seconds leave out.
    var postmaster = int.Parse(File.ReadLines(Path.Combine(dataRoot, "pgdata", "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);

    foreach (var attack in Attacks.All(quick).Where(a => only.Count == 0 || only.Contains(a.Name)))
    {
        await RunAsync(attack);
    }

    var quietAfter = await QuietAsync();
    var quiet = silos.ToDictionary(s => s, s => new Latency(Math.Min(quietBefore[s].Median, quietAfter[s].Median), Math.Min(quietBefore[s].P95, quietAfter[s].P95)));
    Console.WriteLine();
    Console.WriteLine("Ordinary query " + string.Join(", ", silos.Select(s =>
        $"silo {s.Name}: quiet before p50 {quietBefore[s].Median:F1} ms p95 {quietBefore[s].P95:F1} ms, after p50 {quietAfter[s].Median:F1} ms p95 {quietAfter[s].P95:F1} ms")));
    Console.WriteLine("Under attack, against the faster quiet figure (goal: under 2x):");
    Console.WriteLine($"  {"attack",-24} {"silo",-5} {"p50",9} {"ratio",6} {"p95",9} {"ratio",6}");
    foreach (var (name, silo, attacked) in results)
    {
        Console.WriteLine($"  {name,-24} {silo.Name,-5} {attacked.Median,6:F1} ms {attacked.Median / quiet[silo].Median,5:F2}x {attacked.P95,6:F1} ms {attacked.P95 / quiet[silo].P95,5:F2}x");
    }

    return 0;

    async Task<Dictionary<SiloProcess, Latency>> QuietAsync()
    {
        var times = silos.ToDictionary(s => s, _ => new ConcurrentBag<double>());
        using var enough = new CancellationTokenSource();
        var sampling = ProbeAsync(times, enough.Token);
        while (times.Values.Any(t => t.Count < QuietSamples))
        {
            await Task.Delay(100);
        }

        await enough.CancelAsync();
        await sampling;
        return silos.ToDictionary(s => s, s => Latency.Of(times[s].ToList()));
    }

    async Task RunAsync(Attack attack)
    {
        var peakResetWorked = silos.All(s => ProcessStats.TryResetPeak(s.Pid));
        var cpuBefore = silos.ToDictionary(s => s, s => ProcessStats.CpuSeconds(s.Pid));
        var driverCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var databaseCpuBefore = ProcessStats.TreeCpuSeconds(postmaster);
        using var sampling = new CancellationTokenSource();
        var peaks = silos.ToDictionary(s => s, _ => new Peaks());
        var sampler = SampleAsync(peaks, sampling.Token);
        using var probing = new CancellationTokenSource();
        var underAttack = silos.ToDictionary(s => s, _ => new ConcurrentBag<double>());
        var probe = ProbeAsync(underAttack, probing.Token);

        var outcomes = new ConcurrentDictionary<string, int>();
        long bytesReceived = 0;
        var next = -1;
        var elapsed = Stopwatch.StartNew();

        // Requests still unanswered this long after the attack's duration are abandoned, so the driver always ends.
        using var cutOff = new CancellationTokenSource(attack.Duration + TimeSpan.FromSeconds(30));
        async Task AttackerAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < attack.MaxRequests && elapsed.Elapsed < attack.Duration)
            {
                var silo = silos[index % silos.Count];
                var (outcome, bytes) = await SendAsync(
                    attackerHttp, silo, attack.Body, index, attack.SignedInAsLeader ? leaderToken : null, attack.ClientGivesUpAfter, cutOff.Token);
                outcomes.AddOrUpdate(outcome, 1, (_, count) => count + 1);
                Interlocked.Add(ref bytesReceived, bytes);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, attack.Concurrency).Select(_ => Task.Run(AttackerAsync)));
        var attackTime = elapsed.Elapsed;
        await probing.CancelAsync();
        await probe;
        var cpuAtEnd = silos.ToDictionary(s => s, s => ProcessStats.CpuSeconds(s.Pid));
        var databaseCpu = ProcessStats.TreeCpuSeconds(postmaster) - databaseCpuBefore;
        var driverCpu = (Process.GetCurrentProcess().TotalProcessorTime - driverCpuBefore).TotalSeconds;

        // Work a silo goes on doing once every client has gone shows as CPU here.
        await Task.Delay(tail);
        var cpuAfter = silos.ToDictionary(s => s, s => ProcessStats.CpuSeconds(s.Pid));
        await sampling.CancelAsync();
        await sampler;

        var sent = Math.Min(attack.MaxRequests, next);
        Console.WriteLine();
        Console.WriteLine($"{attack.Name}: {attack.Description}");
        Console.WriteLine($"  {sent} requests, {attack.Concurrency} at once, {attackTime.TotalSeconds:F1} s{(sent < attack.MaxRequests ? " (duration reached)" : "")}, {bytesReceived / 1e6:F1} MB received");
        Console.WriteLine("  answers: " + string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} x{o.Value}")));
        Console.WriteLine($"  CPU s during the attack: PostgreSQL server {databaseCpu:F2}, this driver (attacker and visitor) {driverCpu:F2}");
        Console.WriteLine(
            $"  {"silo",-5} {"peak RSS",10} {"VmHWM",10} {"CPU s",7} {$"CPU s in {tail.TotalSeconds:F0} s after",20} {"PG conns",9} {"busy",5} " +
            $"{"ordinary p50 quiet -> attack",28} {"ratio",6} {"p95 quiet -> attack",22} {"ratio",6} {"probes",6}");
        foreach (var silo in silos)
        {
            var times = underAttack[silo].ToList();
            var attacked = times.Count == 0 ? new Latency(double.NaN, double.NaN) : Latency.Of(times);
            var hwm = peakResetWorked ? $"{ProcessStats.PeakResidentBytes(silo.Pid) / 1e6,7:F0} MB" : "   n/a    ";
            Console.WriteLine(
                $"  {silo.Name,-5} {peaks[silo].ResidentBytes / 1e6,7:F0} MB {hwm} {cpuAtEnd[silo] - cpuBefore[silo],7:F2} {cpuAfter[silo] - cpuAtEnd[silo],20:F2} " +
                $"{peaks[silo].Connections,9} {peaks[silo].BusyConnections,5} " +
                $"{$"{quietBefore[silo].Median:F1} ms -> {attacked.Median:F1} ms",28} {attacked.Median / quietBefore[silo].Median,5:F2}x " +
                $"{$"{quietBefore[silo].P95:F1} ms -> {attacked.P95:F1} ms",22} {attacked.P95 / quietBefore[silo].P95,5:F2}x {times.Count,6}");
            results.Add((attack.Name, silo, attacked));
        }
    }

    async Task SampleAsync(Dictionary<SiloProcess, Peaks> peaks, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            foreach (var silo in silos)
            {
                peaks[silo].ResidentBytes = Math.Max(peaks[silo].ResidentBytes, ProcessStats.ResidentBytes(silo.Pid));
            }

            await using (var command = new NpgsqlCommand(
                """
                SELECT application_name, count(*), count(*) FILTER (WHERE state <> 'idle')
                FROM pg_stat_activity WHERE application_name LIKE 'attack-bench-%' GROUP BY application_name
                """,
                statistics))
            await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None))
            {
                while (await reader.ReadAsync(CancellationToken.None))
                {
                    var name = reader.GetString(0);
                    if (silos.FirstOrDefault(s => s.ApplicationName == name) is { } silo)
                    {
                        peaks[silo].Connections = Math.Max(peaks[silo].Connections, (int)reader.GetInt64(1));
                        peaks[silo].BusyConnections = Math.Max(peaks[silo].BusyConnections, (int)reader.GetInt64(2));
                    }
                }
            }

            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    async Task ProbeAsync(Dictionary<SiloProcess, ConcurrentBag<double>> times, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var silo = silos[i % silos.Count];
            times[silo].Add(await OrdinaryAsync(http, silo));
            try
            {
                await Task.Delay(50, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
finally
{
    foreach (var silo in silos)
    {
        await silo.DisposeAsync();
    }

    await database.DisposeAsync();

    // The database goes; the logs stay for a look at what the silos said.
    var clusterDirectory = Path.Combine(dataRoot, "pgdata");
    if (Directory.Exists(clusterDirectory))
    {
        Directory.Delete(clusterDirectory, recursive: true);
    }

    File.Delete(Path.Combine(dataRoot, "superuser.password"));
}

static async Task<double> OrdinaryAsync(HttpClient http, SiloProcess silo)
{
    var stopwatch = Stopwatch.StartNew();
    var (outcome, _) = await SendAsync(http, silo, Attacks.OrdinaryBody, 0, null, TimeSpan.FromSeconds(60), CancellationToken.None);
    stopwatch.Stop();
    if (outcome != "200 data")
    {
        Console.WriteLine($"  (the ordinary query on silo {silo.Name} answered {outcome})");
    }

    return stopwatch.Elapsed.TotalMilliseconds;
}

// Sends one GraphQL request and reads the whole answer, as a client would, keeping only its
// start to classify it: the status and the first error's code, or "data".
static async Task<(string Outcome, long Bytes)> SendAsync(
    HttpClient http, SiloProcess silo, GraphQLBody body, int index, string? bearerToken, TimeSpan? givesUpAfter, CancellationToken cutOff)
{
    using var givingUp = CancellationTokenSource.CreateLinkedTokenSource(cutOff);
    if (givesUpAfter is { } after)
    {
        givingUp.CancelAfter(after);
    }

    using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(silo.BaseAddress, "/graphql"))
    {
        Content = body.Content(index),
    };
    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
    if (bearerToken is not null)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
    }

    try
    {
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, givingUp.Token);
        await using var answer = await response.Content.ReadAsStreamAsync(givingUp.Token);
        var head = new byte[4096];
        var headLength = 0;
        long total = 0;
        var buffer = new byte[81920];
        int read;
        while ((read = await answer.ReadAsync(buffer, givingUp.Token)) > 0)
        {
            var copy = Math.Min(read, head.Length - headLength);
            Array.Copy(buffer, 0, head, headLength, copy);
            headLength += copy;
            total += read;
        }

        var start = Encoding.UTF8.GetString(head, 0, headLength);
        var code = Regex.Match(start, "\"code\":\"([A-Z_]+)\"");
        var kind = code.Success ? code.Groups[1].Value
            : start.Contains("\"errors\"", StringComparison.Ordinal) ? "errors"
            : start.Contains("\"data\"", StringComparison.Ordinal) ? "data"
            : "no GraphQL body";
        return ($"{(int)response.StatusCode} {kind}", total);
    }
    catch (OperationCanceledException) when (givingUp.IsCancellationRequested)
    {
        return (cutOff.IsCancellationRequested ? "cut off after the attack" : "client gave up", 0);
    }
    catch (HttpRequestException e)
    {
        return ($"connection failed ({e.HttpRequestError})", 0);
    }
}

static async Task<string> SignInAsync(HttpClient http, Uri silo, string email, string password)
{
    var response = await http.PostAsJsonAsync(new Uri(silo, "/auth/token"), new { email, password });
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
}

static List<string> ValuesOf(string[] arguments, string option) =>
    arguments.Select((argument, i) => (argument, i)).Where(a => a.argument == option && a.i + 1 < arguments.Length).Select(a => arguments[a.i + 1]).ToList();

static double Median(IReadOnlyCollection<double> values) => Latency.Of(values).Median;

static string FindRepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "InclusionNetwork.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("Run the driver from the repository's build output (dotnet run --project bench/Attack.Bench).");
}

/// <summary>The highest figures sampled for one silo during one attack.</summary>
internal sealed class Peaks
{
    public long ResidentBytes { get; set; }

    public int Connections { get; set; }

    /// <summary>Connections seen doing something (not idle in the pool): at the pool's size, requests were waiting for one.</summary>
    public int BusyConnections { get; set; }
}

/// <summary>The median and 95th percentile (nearest rank) of some latencies, in milliseconds.</summary>
internal sealed record Latency(double Median, double P95)
{
    public static Latency Of(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        var p95 = sorted[Math.Max(0, (int)Math.Ceiling(0.95 * sorted.Length) - 1)];
        return new Latency(median, p95);
    }
}
