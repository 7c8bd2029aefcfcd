using InclusionNetwork.Cluster.Bench;
using InclusionNetwork.Silo.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

// The grain layer on Orleans, in one run on a throwaway embedded PostgreSQL:
// 1. grain calls per second (one key with one and 64 callers, 10,000 keys; on a silo as the Silo
//    configures it and on a bare one) and bytes per idle activation (100,000), beside the retired
//    stand-in runtime's published figures;
// 2. booking throughput through the real run grain, on one contended run and across 200 runs,
//    beside a plain SQL insert loop of as many rows (the floor);
// 3. failover: two Silo processes under a GraphQL booking load, the one holding the run's grain
//    killed with SIGKILL, and the time until the survivor books on that run again.
// `dotnet run -c Release --project bench/Cluster.Bench -- bookings` runs part 2 alone, for
// working on the run grain without waiting for the rest; `-- --small` runs every part at small
// sizes, to see on a busy machine that the bench still runs and checks what it stored.
var bookingsOnly = args.Contains("bookings");
var sizes = args.Contains("--small") ? BenchSizes.Small : BenchSizes.Full;
var dataRoot = Path.Combine(Path.GetTempPath(), "cluster-bench-" + Guid.NewGuid().ToString("N"));
Console.WriteLine($"Cluster bench{(sizes == BenchSizes.Small ? " at small sizes (a check that it runs; the figures say nothing)" : "")}: {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}; PostgreSQL in {dataRoot}");
// Every figure here is CPU-bound on the machine: a load average above the core count means
// other work shared it, and the figures (not their ratios alone) are then low.
PrintLoad("at the start");
try
{
    await using var server = await EmbeddedPostgresServer.StartAsync(new EmbeddedPostgresOptions { DataRoot = dataRoot, Throwaway = true, DatabaseName = "cluster_bench" });
    var migrations = Migration.LoadFrom(Path.Combine(AppContext.BaseDirectory, "db", "migrations"));
    await using (var database = NpgsqlDataSource.Create(server.ConnectionString))
    {
        await new MigrationRunner(database, NullLogger<MigrationRunner>.Instance).ApplyAsync(migrations);
        if (bookingsOnly)
        {
            await using var bookingSilo = await BenchSilo.StartAsync(server.ConnectionString, "cluster-bench", operatorTooling: true);
            await BookingBenchmarks.RunAsync(bookingSilo.Grains, database, sizes);
            return;
        }
        GrainCallBenchmarks.CallRates bare;
        await using (var bareSilo = await BenchSilo.StartAsync(server.ConnectionString, "cluster-bench-bare", operatorTooling: false))
        {
            bare = await GrainCallBenchmarks.CallRatesAsync(bareSilo.Grains, sizes);
        }
        await using var silo = await BenchSilo.StartAsync(server.ConnectionString, "cluster-bench", operatorTooling: true);
        var asShipped = await GrainCallBenchmarks.CallRatesAsync(silo.Grains, sizes);
        var bytesPerActivation = await GrainCallBenchmarks.BytesPerIdleActivationAsync(silo.Grains, sizes);
        GrainCallBenchmarks.Print(asShipped, bare, bytesPerActivation, sizes);
        await BookingBenchmarks.RunAsync(silo.Grains, database, sizes);
    }

    // The Silo processes migrate and load the demo county themselves, on a database of their own.
    await using (var maintenance = NpgsqlDataSource.Create(server.ConnectionString))
    {
        await using var create = maintenance.CreateCommand("CREATE DATABASE failover_bench");
        await create.ExecuteNonQueryAsync();
    }
    var failoverDatabase = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "failover_bench" }.ConnectionString;
    await FailoverBenchmark.RunAsync(failoverDatabase, sizes);
}
finally
{
    PrintLoad("at the end");
    NpgsqlConnection.ClearAllPools();
    if (Directory.Exists(dataRoot))
    {
        Directory.Delete(dataRoot, recursive: true);
    }
}

static void PrintLoad(string when)
{
    if (File.Exists("/proc/loadavg"))
    {
        var load = File.ReadAllText("/proc/loadavg").Split(' ');
        Console.WriteLine($"Load average {when} (1, 5, 15 min): {load[0]}, {load[1]}, {load[2]} on {Environment.ProcessorCount} cores");
    }
}
