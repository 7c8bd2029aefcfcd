using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InclusionNetwork.Directory.Bench;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Courses;
using InclusionNetwork.Grains.Schools;
using InclusionNetwork.Silo;
using InclusionNetwork.Silo.Database;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// The directory and bookings through the real Silo over HTTP (GraphQL), beside the bare SQL:
// - directory search, a free-text query with three filters, over 5,000 courses and 100,000
//   runs: median and 95th percentile of 60 requests after 10 warm-ups, and the same
//   statement run directly with Npgsql (the floor);
// - booking throughput with 16 clients at once: 1,000 bookings on one contended run, and
//   1,000 across 200 runs, beside a plain SQL insert loop of 1,000 bookings.
const int WarmUps = 10;
const int Runs = 60;
const int Bookings = 1_000;
const int Clients = 16;
const string Password = "bench-password";

var dataRoot = Path.Combine(Path.GetTempPath(), "directory-bench-" + Guid.NewGuid().ToString("N"));
Console.WriteLine($"Directory bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}; PostgreSQL in {dataRoot}");
await using (var server = await EmbeddedPostgresServer.StartAsync(new EmbeddedPostgresOptions { DataRoot = dataRoot, Throwaway = true, DatabaseName = "directory_bench" }))
{
    var app = await SiloApplication.BuildAsync([
        "--urls=http://127.0.0.1:0",
        $"--ConnectionStrings:Postgres={server.ConnectionString}",
        "--Demo:Load=true",
        $"--Demo:Password={Password}",
        "--Logging:LogLevel:Default=Warning",
        "--Logging:Format=simple",
    ]);
    await app.StartAsync();
    var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    var database = app.Services.GetRequiredService<NpgsqlDataSource>();
    var now = TimeProvider.System.GetUtcNow();
    Console.WriteLine("Generating the catalogue:");
    await NationalCatalogue.GenerateAsync(database, now);

    using var http = new HttpClient { BaseAddress = new Uri(address) };
    var token = await SignInAsync(http, "admin@demo.test");
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

    // Directory: "nurture" with phases, delivery modes and a district.
    var filter = new DirectoryFilter(Search: "nurture", Phases: [Phase.PRIMARY], DeliveryModes: [DeliveryMode.IN_PERSON, DeliveryMode.BLENDED], DistrictId: "dover");
    const string query = """
        query { directory(filter: { search: "nurture", phases: [PRIMARY], deliveryModes: [IN_PERSON, BLENDED], district: "dover" },
                          orderBy: RELEVANCE, first: 20) { totalCount nodes { id title provider strand } } }
        """;
    async Task<int> ViaGraphQLAsync()
    {
        var response = await http.PostAsJsonAsync("/graphql", new { query });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (body.TryGetProperty("errors", out var errors))
        {
            throw new InvalidOperationException(errors.ToString());
        }
        return body.GetProperty("data").GetProperty("directory").GetProperty("totalCount").GetInt32();
    }
    var sql = CourseQueries.DirectorySql(DirectoryOrder.RELEVANCE, hasCursor: false, hasSearch: true);
    async Task<int> FloorAsync()
    {
        await using var command = database.CreateCommand(sql);
        CourseQueries.AddParameters(command, filter, TimeProvider.System.GetUtcNow());
        command.Parameters.AddWithValue("limit", 21);
        var total = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            total = (int)reader.GetInt64(reader.FieldCount - 1);
        }
        return total;
    }
    // Alternating the two spreads any background noise over both alike.
    var (viaGraphQL, floor) = await TimeBothAsync(ViaGraphQLAsync, FloorAsync);
    if (viaGraphQL.Result != floor.Result)
    {
        throw new InvalidOperationException($"GraphQL found {viaGraphQL.Result} courses, the bare SQL {floor.Result}.");
    }
    Console.WriteLine();
    Console.WriteLine($"Directory search ({viaGraphQL.Result} matches; free text + phases + delivery modes + district, 20 per page)");
    Console.WriteLine($"  {"",-28} {"median",9} {"p95",9}");
    Console.WriteLine($"  {"GraphQL over HTTP",-28} {Median(viaGraphQL.Times),6:F2} ms {P95(viaGraphQL.Times),6:F2} ms");
    Console.WriteLine($"  {"same SQL, Npgsql (floor)",-28} {Median(floor.Times),6:F2} ms {P95(floor.Times),6:F2} ms");
    Console.WriteLine($"  ratio: median {Median(viaGraphQL.Times) / Median(floor.Times):F2}x, p95 {P95(viaGraphQL.Times) / P95(floor.Times):F2}x");

    // Booking throughput.
    var staff = await ListAsync(database, $"SELECT id FROM staff WHERE removed_at IS NULL ORDER BY id LIMIT {Bookings}");
    var contended = await NewRunsAsync(database, 1, capacity: 50, now);
    var spread = await NewRunsAsync(database, 200, capacity: 50, now);
    var floorRun = (await NewRunsAsync(database, 1, capacity: 50, now))[0];
    const string book = "mutation($input: BookPlacesInput!) { bookPlaces(input: $input) { bookings { id status waitlistPosition } errors { code } } }";
    async Task BookAsync(long run, long person)
    {
        var response = await http.PostAsJsonAsync("/graphql", new { query = book, variables = new { input = new { runId = run.ToString(), staffIds = new[] { person.ToString() } } } });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (body.TryGetProperty("errors", out var errors) || body.GetProperty("data").GetProperty("bookPlaces").GetProperty("errors").GetArrayLength() > 0)
        {
            throw new InvalidOperationException(body.ToString());
        }
    }
    var oneRun = await ThroughputAsync(i => BookAsync(contended[0], staff[i]));
    var manyRuns = await ThroughputAsync(i => BookAsync(spread[i % spread.Count], staff[i]));
    var insertLoop = Stopwatch.StartNew();
    await using (var connection = await database.OpenConnectionAsync())
    {
        for (var i = 0; i < Bookings; i++)
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO bookings (run_id, staff_id, school_urn, status, booked_at, updated_at)
                SELECT @run, id, school_urn, 'WAITLISTED', @now, @now FROM staff WHERE id = @staff
                """, connection);
            insert.Parameters.AddWithValue("run", floorRun);
            insert.Parameters.AddWithValue("staff", staff[i]);
            insert.Parameters.AddWithValue("now", now);
            await insert.ExecuteNonQueryAsync();
        }
    }
    var floorRate = Bookings / insertLoop.Elapsed.TotalSeconds;
    await VerifyAsync(database, contended[0]);
    Console.WriteLine();
    Console.WriteLine($"Booking throughput ({Bookings:N0} bookings, {Clients} clients at once through GraphQL)");
    Console.WriteLine($"  {"one contended run (cap. 50)",-34} {oneRun,8:F0} bookings/s   floor/ours {floorRate / oneRun:F2}x");
    Console.WriteLine($"  {"across 200 runs",-34} {manyRuns,8:F0} bookings/s   floor/ours {floorRate / manyRuns:F2}x");
    Console.WriteLine($"  {"plain SQL insert loop (floor)",-34} {floorRate,8:F0} bookings/s");

    await app.StopAsync();
    await app.DisposeAsync();
}
Directory.Delete(dataRoot, recursive: true);

static async Task<string> SignInAsync(HttpClient http, string email)
{
    var response = await http.PostAsJsonAsync("/auth/token", new { email, password = Password });
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
}

static async Task<((double[] Times, int Result) Ours, (double[] Times, int Result) Floor)> TimeBothAsync(Func<Task<int>> ours, Func<Task<int>> floor)
{
    var (oursResult, floorResult) = (0, 0);
    for (var i = 0; i < WarmUps; i++)
    {
        oursResult = await ours();
        floorResult = await floor();
    }
    var oursTimes = new double[Runs];
    var floorTimes = new double[Runs];
    for (var i = 0; i < Runs; i++)
    {
        var watch = Stopwatch.StartNew();
        await ours();
        oursTimes[i] = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        await floor();
        floorTimes[i] = watch.Elapsed.TotalMilliseconds;
    }
    return ((oursTimes, oursResult), (floorTimes, floorResult));
}

static async Task<double> ThroughputAsync(Func<int, Task> bookOne)
{
    var next = -1;
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < Bookings)
        {
            await bookOne(i);
        }
    })));
    return Bookings / watch.Elapsed.TotalSeconds;
}

static async Task<List<long>> NewRunsAsync(NpgsqlDataSource database, int count, int capacity, DateTimeOffset now)
{
    await using var command = database.CreateCommand("""
        WITH runs AS (
            INSERT INTO course_runs (course_id, venue, district_id, capacity, booking_closes_at, starts_at, ends_at, status, created_at, updated_at)
            SELECT (SELECT min(id) FROM courses), 'Bench venue', 'dover', @capacity, @starts, @starts, @starts + interval '6 hours', 'SCHEDULED', @now, @now
            FROM generate_series(1, @count)
            RETURNING id, starts_at, ends_at
        ), sessions AS (
            INSERT INTO course_sessions (run_id, starts_at, ends_at, updated_at) SELECT id, starts_at, ends_at, @now FROM runs
        )
        SELECT id FROM runs ORDER BY id
        """);
    command.Parameters.AddWithValue("capacity", capacity);
    command.Parameters.AddWithValue("starts", now.AddDays(30));
    command.Parameters.AddWithValue("now", now);
    command.Parameters.AddWithValue("count", count);
    var ids = new List<long>();
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        ids.Add(reader.GetInt64(0));
    }
    return ids;
}

static async Task<List<long>> ListAsync(NpgsqlDataSource database, string sql)
{
    await using var command = database.CreateCommand(sql);
    var ids = new List<long>();
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        ids.Add(reader.GetInt64(0));
    }
    return ids;
}

/// <summary>The contended run must hold exactly its capacity, the rest in one unbroken queue.</summary>
static async Task VerifyAsync(NpgsqlDataSource database, long run)
{
    await using var command = database.CreateCommand("""
        SELECT count(*) FILTER (WHERE b.status = 'CONFIRMED'), count(*) FILTER (WHERE b.status = 'WAITLISTED'), r.confirmed_count, r.waitlisted_count
        FROM bookings b JOIN course_runs r ON r.id = b.run_id WHERE b.run_id = @run GROUP BY r.confirmed_count, r.waitlisted_count
        """);
    command.Parameters.AddWithValue("run", run);
    await using var reader = await command.ExecuteReaderAsync();
    await reader.ReadAsync();
    if (reader.GetInt64(0) != 50 || reader.GetInt64(1) != Bookings - 50 || reader.GetInt32(2) != 50 || reader.GetInt32(3) != Bookings - 50)
    {
        throw new InvalidOperationException("The contended run does not hold exactly its capacity.");
    }
}

static double Median(double[] times) => Percentile(times, 0.5);

static double P95(double[] times) => Percentile(times, 0.95);

static double Percentile(double[] times, double fraction)
{
    var sorted = times.Order().ToArray();
    return sorted[(int)Math.Ceiling(fraction * sorted.Length) - 1];
}
