using System.Diagnostics;
using InclusionNetwork.Grains.Uptake;
using InclusionNetwork.Silo.Database;
using InclusionNetwork.Uptake.Bench;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

// Each uptake measure for 2025/26 by DISTRICT (evaluations: the county) over a national-size
// dataset in a throwaway embedded PostgreSQL, through the product's query classes and as a
// hand-written single statement (the floor); median and 95th percentile of 30 runs each after
// 3 warm-ups, and the ratio. The two must agree figure for figure, or the bench stops. Then
// training (mainstream schools) and evaluations by group, both up to the end of quarter 2.
// UPTAKE_BENCH_SCHOOLS and UPTAKE_BENCH_BOOKINGS shrink the dataset (see NationalDataset).
const int WarmUps = 3;
const int Runs = 30;

// "--keep <folder>" keeps the cluster there and reuses its dataset on the next run (for EXPLAIN at psql).
var keep = args.Length == 2 && args[0] == "--keep" ? Path.GetFullPath(args[1]) : null;
var dataRoot = keep ?? Path.Combine(Path.GetTempPath(), "uptake-bench-" + Guid.NewGuid().ToString("N"));
var generated = keep is not null && Directory.Exists(dataRoot);
Console.WriteLine($"Uptake bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}; PostgreSQL in {dataRoot}");
await using (var server = await EmbeddedPostgresServer.StartAsync(new EmbeddedPostgresOptions { DataRoot = dataRoot, Throwaway = true, DatabaseName = "uptake_bench" }))
{
    await using var database = NpgsqlDataSource.Create(server.ConnectionString);
    await new MigrationRunner(database, NullLogger<MigrationRunner>.Instance).ApplyAsync(Migration.LoadFrom(MigrationsDirectory()));
    if (!generated)
    {
        Console.WriteLine("Generating the dataset:");
        await NationalDataset.GenerateAsync(database);
    }
    Console.WriteLine($"Connection: {server.ConnectionString}");

    var clock = new FixedClock(FixedClock.BenchNow);
    var period = UptakePeriod.For("2025/26", clock);
    var peerReview = new PeerReviewUptakeQuery(database);
    var leadership = new LeadershipUptakeQuery(database);
    var training = new TrainingUptakeQuery(database);
    var evaluations = new EvaluationSummaryQuery(database);

    Console.WriteLine();
    Console.WriteLine($"{"measure (2025/26)",-26} {"rows",5} {"ours median",12} {"ours p95",10} {"floor median",13} {"floor p95",10} {"ratio",7}");
    await CompareAsync("peerReview by DISTRICT",
        async () => (await peerReview.RunAsync(Breakdown.DISTRICT, period)).Select(r => Row(r.Group, r.Schools, r.SchoolsInCluster, r.SchoolsReviewed, r.SchoolsImplementingActions)).ToList(),
        Floors.PeerReview);
    await CompareAsync("leadership by DISTRICT",
        async () => (await leadership.RunAsync(Breakdown.DISTRICT, period)).Select(r => Row(r.Group, r.Schools, r.SchoolsWithSeniorAndMiddleLeader)).ToList(),
        Floors.Leadership);
    await CompareAsync("training by DISTRICT",
        async () => (await training.RunAsync(Breakdown.DISTRICT, period, CourseFilter.None)).Select(r =>
            Row(r.Group, r.Schools, r.SchoolsEngaged, r.Bookings, r.Completions, r.BookingsOnEndedRuns, r.CompletionsOnEndedRuns)).ToList(),
        Floors.Training);
    await CompareAsync("evaluations (county)",
        async () => [(await evaluations.RunAsync(period, CourseFilter.None)) is var e
            ? Row(e.Responses, e.GoodOrExcellent, e.ImprovedKnowledge, e.ImprovedConfidence, e.FollowUps, e.Implemented) : ""],
        Floors.Evaluations);

    var quarter2 = period.AtQuarter(2);
    await CompareAsync("training Q2 MAINSTREAM",
        async () => (await training.RunAsync(Breakdown.DISTRICT, quarter2, CourseFilter.None, SchoolScope.MAINSTREAM)).Select(r =>
            Row(r.Group, r.Schools, r.SchoolsEngaged, r.Bookings, r.Completions, r.BookingsOnEndedRuns, r.CompletionsOnEndedRuns)).ToList(),
        Floors.TrainingQuarter2Mainstream);
    await CompareAsync("evaluationsBy Q2 DISTRICT",
        async () => (await evaluations.ByAsync(Breakdown.DISTRICT, quarter2, CourseFilter.None, SchoolScope.ALL)).Select(g =>
            Row(g.Group, g.Summary.Responses, g.Summary.GoodOrExcellent, g.Summary.FollowUps)).ToList(),
        Floors.EvaluationsByDistrictQuarter2);

    async Task CompareAsync(string name, Func<Task<List<string>>> ours, string floorSql)
    {
        async Task<List<string>> FloorAsync()
        {
            await using var command = database.CreateCommand(floorSql);
            var rows = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(Row([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i))]));
            }
            return rows;
        }
        var expected = await FloorAsync();
        var actual = await ours();
        if (!expected.SequenceEqual(actual))
        {
            var first = Enumerable.Range(0, Math.Min(expected.Count, actual.Count)).FirstOrDefault(i => expected[i] != actual[i]);
            throw new InvalidOperationException($"{name}: the query class and the floor disagree ({actual.Count} and {expected.Count} rows; " +
                $"first difference: ours \"{actual.ElementAtOrDefault(first)}\", floor \"{expected.ElementAtOrDefault(first)}\").");
        }
        var oursTimes = await TimeAsync(ours);
        var floorTimes = await TimeAsync(FloorAsync);
        Console.WriteLine($"{name,-26} {actual.Count,5} {Median(oursTimes),9:F1} ms {P95(oursTimes),7:F1} ms {Median(floorTimes),10:F1} ms {P95(floorTimes),7:F1} ms {Median(oursTimes) / Median(floorTimes),6:F2}x");
    }
}
if (keep is null)
{
    Directory.Delete(dataRoot, recursive: true);
}

static async Task<double[]> TimeAsync(Func<Task<List<string>>> run)
{
    for (var i = 0; i < WarmUps; i++)
    {
        await run();
    }
    var times = new double[Runs];
    for (var i = 0; i < Runs; i++)
    {
        var watch = Stopwatch.StartNew();
        await run();
        times[i] = watch.Elapsed.TotalMilliseconds;
    }
    Array.Sort(times);
    return times;
}

static double Median(double[] sorted) => (sorted[(sorted.Length - 1) / 2] + sorted[sorted.Length / 2]) / 2;

static double P95(double[] sorted) => sorted[(int)Math.Ceiling(0.95 * sorted.Length) - 1];

static string Row(params object[] values) => string.Join("|", values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));

static string MigrationsDirectory()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        var candidate = Path.Combine(folder.FullName, "db", "migrations");
        if (Directory.Exists(candidate))
        {
            return candidate;
        }
    }
    throw new DirectoryNotFoundException("db/migrations was not found above " + AppContext.BaseDirectory);
}
