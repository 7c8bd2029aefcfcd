using System.Diagnostics;
using InclusionNetwork.Grains.Courses;
using InclusionNetwork.Grains.Uptake;
using InclusionNetwork.Silo.Database;
using InclusionNetwork.Uptake.Bench;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

// Every uptake measure by DISTRICT (evaluations: also the county), for the whole of 2025/26
// and up to the end of its quarter 2, over a national-size dataset in a throwaway embedded
// PostgreSQL, through the product's query classes and as a hand-written single statement (the
// floor); median and 95th percentile of 30 runs each after 3 warm-ups, and the ratio of the
// medians. The two must agree figure for figure, or the bench stops with a non-zero exit.
// UPTAKE_BENCH_SCHOOLS and UPTAKE_BENCH_BOOKINGS shrink the dataset (see NationalDataset).
const int WarmUps = 3;
const int Runs = 30;

// "--keep <folder>" (or UPTAKE_BENCH_KEEP=<folder>) keeps the cluster there and reuses its
// dataset on the next run of the same size (for EXPLAIN at psql, or to time again without
// generating again).
var keep = args.Length == 2 && args[0] == "--keep" ? Path.GetFullPath(args[1])
    : Environment.GetEnvironmentVariable("UPTAKE_BENCH_KEEP") is { Length: > 0 } kept ? Path.GetFullPath(kept) : null;
var dataRoot = keep ?? Path.Combine(Path.GetTempPath(), "uptake-bench-" + Guid.NewGuid().ToString("N"));
var size = $"{NationalDataset.Schools} schools, {NationalDataset.Bookings} bookings";
var sizeFile = Path.Combine(dataRoot, "dataset-size.txt");
var generated = keep is not null && File.Exists(sizeFile);
if (generated && File.ReadAllText(sizeFile) != size)
{
    throw new InvalidOperationException($"{dataRoot} holds a dataset of {File.ReadAllText(sizeFile)}, not {size}: delete it or keep another folder.");
}
Console.WriteLine($"Uptake bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {size}; PostgreSQL in {dataRoot}");
try
{
    await using (var server = await EmbeddedPostgresServer.StartAsync(new EmbeddedPostgresOptions { DataRoot = dataRoot, Throwaway = true, DatabaseName = "uptake_bench" }))
    {
        await using var database = NpgsqlDataSource.Create(server.ConnectionString);
        await new MigrationRunner(database, NullLogger<MigrationRunner>.Instance).ApplyAsync(Migration.LoadFrom(MigrationsDirectory()));
        if (!generated)
        {
            Console.WriteLine("Generating the dataset:");
            await NationalDataset.GenerateAsync(database);
            if (keep is not null)
            {
                File.WriteAllText(sizeFile, size);
            }
        }
        Console.WriteLine($"Connection: {server.ConnectionString}");

        var clock = new FixedClock(FixedClock.BenchNow);
        var peerReview = new PeerReviewUptakeQuery(database);
        var leadership = new LeadershipUptakeQuery(database);
        var training = new TrainingUptakeQuery(database);
        var evaluations = new EvaluationSummaryQuery(database);
        const string Mainstream = "s.school_type IN ('MAINTAINED', 'ACADEMY', 'FREE_SCHOOL') AND s.phase IN ('PRIMARY', 'SECONDARY', 'ALL_THROUGH')";

        Console.WriteLine();
        Console.WriteLine($"{"measure by DISTRICT",-42} {"rows",5} {"ours p50",10} {"ours p95",10} {"floor p50",10} {"floor p95",10} {"ratio",7}");
        var slowest = 0.0;
        foreach (var cut in new[] { Cut.Year, Cut.Quarter2 })
        {
            var period = UptakePeriod.For("2025/26", clock, cut.Quartered ? 2 : null);
            await CompareAsync($"peerReview {cut.Name}",
                async () => (await peerReview.RunAsync(Breakdown.DISTRICT, period)).Select(r =>
                    Row(r.Group, r.Schools, r.SchoolsInCluster, r.SchoolsReviewed, r.SchoolsImplementingActions, r.SchoolsActivelyParticipating)).ToList(),
                Floors.PeerReview(cut));
            await CompareAsync($"leadership {cut.Name}",
                async () => (await leadership.RunAsync(Breakdown.DISTRICT, period)).Select(r =>
                    Row([r.Group, r.Schools, r.SchoolsWithSeniorAndMiddleLeader, .. r.Levels.Select(l => (object)l.Schools)])).ToList(),
                Floors.Leadership(cut));
            await CompareAsync($"training {cut.Name}", TrainingAsync(period, CourseFilter.None), Floors.Training(cut));
            await CompareAsync($"training {cut.Name} needType SEMH",
                TrainingAsync(period, new CourseFilter(NeedType: NeedType.SOCIAL_EMOTIONAL_MENTAL_HEALTH)),
                Floors.Training(cut, courses: "'SOCIAL_EMOTIONAL_MENTAL_HEALTH' = ANY (c.need_types)"));
            await CompareAsync($"training {cut.Name} coreOfferOnly",
                TrainingAsync(period, new CourseFilter(CoreOfferOnly: true)), Floors.Training(cut, courses: "c.core_offer"));
            await CompareAsync($"training {cut.Name} MAINSTREAM strand T&S",
                TrainingAsync(period, new CourseFilter(Strand: Strand.TARGETED_AND_SPECIALIST), SchoolScope.MAINSTREAM),
                Floors.Training(cut, courses: "c.strand = 'TARGETED_AND_SPECIALIST'", schools: Mainstream));
            await CompareAsync($"evaluations {cut.Name} (county)",
                async () => [(await evaluations.RunAsync(period, CourseFilter.None)) is var e
                    ? Row(e.Responses, e.GoodOrExcellent, e.ImprovedKnowledge, e.ImprovedConfidence, e.FollowUps, e.Implemented) : ""],
                Floors.Evaluations(cut));
            await CompareAsync($"evaluationsBy {cut.Name}",
                async () => (await evaluations.ByAsync(Breakdown.DISTRICT, period, CourseFilter.None, SchoolScope.ALL)).Select(g =>
                    Row(g.Group, g.Summary.Responses, g.Summary.GoodOrExcellent, g.Summary.ImprovedKnowledge, g.Summary.ImprovedConfidence,
                        g.Summary.FollowUps, g.Summary.Implemented)).ToList(),
                Floors.EvaluationsByDistrict(cut));
        }
        Console.WriteLine();
        Console.WriteLine($"Slowest 95th percentile of the query classes: {slowest:F1} ms (goal: under 250 ms at 24,000 schools and 1,000,000 bookings).");

        Func<Task<List<string>>> TrainingAsync(UptakePeriod period, CourseFilter filter, SchoolScope scope = SchoolScope.ALL) =>
            async () => (await training.RunAsync(Breakdown.DISTRICT, period, filter, scope)).Select(r =>
                Row(r.Group, r.Schools, r.SchoolsEngaged, r.Bookings, r.Completions, r.BookingsOnEndedRuns, r.CompletionsOnEndedRuns)).ToList();

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
            slowest = Math.Max(slowest, P95(oursTimes));
            Console.WriteLine($"{name,-42} {actual.Count,5} {Median(oursTimes),7:F1} ms {P95(oursTimes),7:F1} ms {Median(floorTimes),7:F1} ms {P95(floorTimes),7:F1} ms {Median(oursTimes) / Median(floorTimes),6:F2}x");
        }
    }
}
finally
{
    // A failed run (the figures disagree) leaves nothing behind either, unless kept.
    if (keep is null && Directory.Exists(dataRoot))
    {
        Directory.Delete(dataRoot, recursive: true);
    }
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
