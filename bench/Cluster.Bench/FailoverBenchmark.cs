using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InclusionNetwork.Grains.Bookings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;

namespace InclusionNetwork.Cluster.Bench;

/// <summary>
/// Two real Silo processes on one database under a GraphQL booking load on one run, sent to
/// both; the one holding the run's grain is killed with SIGKILL, and the bench measures how long
/// until a booking sent to the survivor succeeds again, and how many failed in between.
/// </summary>
internal static class FailoverBenchmark
{
    private const string DemoPassword = "cluster-bench-password";
    private const string AdminEmail = "admin@demo.test";
    private const int WorkersPerSilo = 4;
    private const int People = 20_000;
    private const int Capacity = 100;
    private static readonly TimeSpan GapLimit = TimeSpan.FromSeconds(60);

    private const string BookPlaces = """
        mutation($input: BookPlacesInput!) { bookPlaces(input: $input) { bookings { id status } errors { code message } } }
        """;

    private sealed record Attempt(string Silo, TimeSpan Started, TimeSpan Ended, string? Failure);

    /// <param name="sizes">How long the load runs before the kill, and on after the survivor answers again (it stops then, or at the limit).</param>
    public static async Task RunAsync(string connectionString, BenchSizes sizes)
    {
        var siloAssembly = LocateSiloAssembly();
        using var first = SiloProcess.Start("A", siloAssembly, connectionString, DemoPassword);
        // One at a time: the first migrates and loads the demo county, the second finds both done.
        await first.WaitUntilReadyAsync(TimeSpan.FromMinutes(2));
        using var second = SiloProcess.Start("B", siloAssembly, connectionString, DemoPassword);
        await second.WaitUntilReadyAsync(TimeSpan.FromMinutes(2));
        SiloProcess[] silos = [first, second];

        var (runId, staff) = await SeedAsync(connectionString);
        var clients = new Dictionary<SiloProcess, HttpClient>();
        foreach (var silo in silos)
        {
            var http = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await silo.SignInAsync(AdminEmail, DemoPassword));
            clients[silo] = http;
        }

        var attempts = new ConcurrentBag<Attempt>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var next = -1;
        var load = silos.SelectMany(silo => Enumerable.Range(0, WorkersPerSilo).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < staff.Count && !stop.IsCancellationRequested && !silo.HasExited; i = Interlocked.Increment(ref next))
            {
                var started = clock.Elapsed;
                var failure = await BookAsync(clients[silo], runId, staff[i]);
                attempts.Add(new Attempt(silo.Name, started, clock.Elapsed, failure));
            }
        })).ToList();

        await Task.Delay(sizes.LoadBeforeKill);
        var holderPort = await HolderSiloPortAsync(connectionString, runId);
        var victim = silos.Single(s => s.SiloPort == holderPort);
        var survivor = silos.Single(s => s != victim);
        var killedAt = clock.Elapsed;
        victim.KillHard();

        // The load runs on until the survivor has booked on the run again (a request sent after the
        // kill succeeded) and the membership table records the killed silo dead, then a little longer.
        TimeSpan? recoveredAt = null;
        TimeSpan? declaredDeadAt = null;
        await using (var database = NpgsqlDataSource.Create(connectionString))
        {
            while (clock.Elapsed - killedAt < GapLimit && (recoveredAt is null || declaredDeadAt is null || clock.Elapsed - recoveredAt < sizes.LoadAfterRecovery))
            {
                recoveredAt ??= attempts.Where(a => a.Silo == survivor.Name && a.Started >= killedAt && a.Failure is null).Select(a => (TimeSpan?)a.Ended).Min();
                if (declaredDeadAt is null && await IsDeclaredDeadAsync(database, victim.SiloPort))
                {
                    declaredDeadAt = clock.Elapsed;
                }
                await Task.Delay(50);
            }
        }
        await stop.CancelAsync();
        await Task.WhenAll(load);
        foreach (var http in clients.Values)
        {
            http.Dispose();
        }

        var all = attempts.ToList();
        var beforeKill = all.Where(a => a.Ended < killedAt).ToList();
        var toSurvivorInGap = all.Where(a => a.Silo == survivor.Name && a.Ended >= killedAt && (recoveredAt is null || a.Started < recoveredAt)).ToList();
        var failedInGap = toSurvivorInGap.Where(a => a.Failure is not null).ToList();
        var toVictimAfterKill = all.Count(a => a.Silo == victim.Name && a.Ended >= killedAt);
        var afterRecovery = all.Where(a => a.Silo == survivor.Name && recoveredAt is not null && a.Started >= recoveredAt).ToList();
        var (confirmed, live, people) = await CheckRunAsync(connectionString, runId);
        var answered = all.Count(a => a.Failure is null);

        Console.WriteLine();
        Console.WriteLine($"Failover (two Silo processes, {WorkersPerSilo} clients each booking one person per GraphQL request on one run; the silo holding the run killed with SIGKILL)");
        Console.WriteLine($"  before the kill: {beforeKill.Count(a => a.Failure is null)} bookings in {killedAt.TotalSeconds:F1} s, {beforeKill.Count(a => a.Failure is not null)} failed");
        if (recoveredAt is { } recovered)
        {
            Console.WriteLine($"  killed silo {victim.Name} (held the run); survivor {survivor.Name} booked on the run again after {(recovered - killedAt).TotalSeconds:F2} s");
        }
        else
        {
            Console.WriteLine($"  killed silo {victim.Name} (held the run); survivor {survivor.Name} did NOT book on the run again within {GapLimit.TotalSeconds:F0} s");
        }
        Console.WriteLine(declaredDeadAt is { } dead
            ? $"  the membership table recorded silo {victim.Name} dead {(dead - killedAt).TotalSeconds:F2} s after the kill"
            : $"  the membership table did NOT record silo {victim.Name} dead within {GapLimit.TotalSeconds:F0} s");
        Console.WriteLine($"  requests to the survivor during the gap: {toSurvivorInGap.Count}, of which failed: {failedInGap.Count}");
        foreach (var reason in failedInGap.GroupBy(a => a.Failure).OrderByDescending(g => g.Count()).Take(3))
        {
            Console.WriteLine($"    {reason.Count()} x {Shorten(reason.Key!)}");
        }
        Console.WriteLine($"  requests to the killed silo after the kill (refused or cut off): {toVictimAfterKill}");
        Console.WriteLine($"  after recovery: {afterRecovery.Count(a => a.Failure is null)} of {afterRecovery.Count} bookings to the survivor succeeded");
        Console.WriteLine($"  run afterwards: {confirmed} confirmed (capacity {Capacity}), {live} live bookings of {people} people; {answered} bookings were answered");
        if (confirmed != Math.Min(Capacity, live) || people != live || live < answered)
        {
            throw new InvalidOperationException($"The run is inconsistent after failover: {confirmed} confirmed, {live} live bookings of {people} people, {answered} answered.");
        }
    }

    private static async Task<bool> IsDeclaredDeadAsync(NpgsqlDataSource database, int siloPort)
    {
        await using var command = database.CreateCommand("SELECT EXISTS (SELECT 1 FROM OrleansMembershipTable WHERE Port = @port AND Status = @dead)");
        command.Parameters.AddWithValue("port", siloPort);
        command.Parameters.AddWithValue("dead", (int)SiloStatus.Dead);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Null when the booking was made; otherwise what went wrong, in a line.</summary>
    private static async Task<string?> BookAsync(HttpClient http, long runId, long person)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("/graphql",
                new { query = BookPlaces, variables = new { input = new { runId = runId.ToString(), staffIds = new[] { person.ToString() } } } });
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                return $"HTTP {(int)response.StatusCode}: {body}";
            }
            var json = JsonDocument.Parse(body).RootElement;
            if (json.TryGetProperty("errors", out var errors))
            {
                return $"GraphQL errors: {errors}";
            }
            var payload = json.GetProperty("data").GetProperty("bookPlaces");
            return payload.GetProperty("errors").GetArrayLength() > 0 ? $"refused: {payload.GetProperty("errors")}" : null;
        }
        catch (HttpRequestException e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
        catch (TaskCanceledException)
        {
            return "timed out after 30 s";
        }
    }

    /// <summary>
    /// Which silo holds the run's grain, asked of the cluster through an Orleans client on the
    /// same membership table (the silos' gateways), answered by the silo-to-silo port.
    /// </summary>
    private static async Task<int> HolderSiloPortAsync(string connectionString, long runId)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client =>
        {
            // The Silo's defaults (Cluster:ClusterId and Cluster:ServiceId).
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = "inclusion-network";
                o.ServiceId = "inclusion-network";
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            });
        });
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var grains = host.Services.GetRequiredService<IClusterClient>();
            var runGrain = grains.GetGrain<ICourseRunGrain>(runId).GetGrainId();
            var statistics = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
            var holder = statistics.SingleOrDefault(s => s.GrainId == runGrain)
                ?? throw new InvalidOperationException($"No silo holds run {runId}'s grain: the load never reached it.");
            return holder.SiloAddress.Endpoint.Port;
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>A run of a demo course, and people enough at a demo school for every request to book someone new.</summary>
    private static async Task<(long RunId, IReadOnlyList<long> Staff)> SeedAsync(string connectionString)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        var now = TimeProvider.System.GetUtcNow();
        var runId = (await BookingBenchmarks.NewRunsAsync(database, 1, Capacity, now))[0];
        var staff = database.CreateCommand("""
            INSERT INTO staff (school_urn, name, role, created_at)
            SELECT (SELECT min(urn) FROM schools WHERE open), 'Bench teacher ' || n, 'TEACHER', @now FROM generate_series(1, @people) n
            RETURNING id
            """);
        staff.Parameters.AddWithValue("now", now);
        staff.Parameters.AddWithValue("people", People);
        return (runId, await BookingBenchmarks.IdsAsync(staff));
    }

    private static async Task<(long Confirmed, long Live, long People)> CheckRunAsync(string connectionString, long runId)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var command = database.CreateCommand("""
            SELECT count(*) FILTER (WHERE status = 'CONFIRMED'), count(*), count(DISTINCT staff_id)
            FROM bookings WHERE run_id = @run AND status <> 'CANCELLED'
            """);
        command.Parameters.AddWithValue("run", runId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>The built Silo (Release, else Debug) in the repository this bench was built from.</summary>
    private static string LocateSiloAssembly()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "InclusionNetwork.sln")))
        {
            directory = directory.Parent;
        }
        if (directory is null)
        {
            throw new InvalidOperationException("The repository root (InclusionNetwork.sln) was not found above the bench's binaries.");
        }
        foreach (var configuration in new[] { "Release", "Debug" })
        {
            var assembly = Path.Combine(directory.FullName, "src", "Silo", "bin", configuration, "net10.0", "InclusionNetwork.Silo.dll");
            if (File.Exists(assembly))
            {
                return assembly;
            }
        }
        throw new InvalidOperationException("The Silo is not built: run `dotnet build -c Release src/Silo` first.");
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
