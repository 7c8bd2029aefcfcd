using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InclusionNetwork.Grains.Messages;
using InclusionNetwork.Notification.Bench;
using InclusionNetwork.Silo;
using InclusionNetwork.Silo.Database;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// How quickly people hear, through the real Silo and a local SMTP server:
// - from a cancelBooking answer being asked for to the offer email (to the head of the
//   waiting list) arriving at the SMTP server: median and worst of --offers cancellations,
//   each on a fresh run; the dispatcher polls every --poll when idle, which bounds it;
// - messages per second one dispatcher sends: --messages written in one transaction, timed
//   from the commit to the last arriving.
// Usage: dotnet run -c Release --project bench/Notification.Bench [-- --offers 20 --messages 2000 --poll 00:00:00.2]
var offers = Option("--offers", 20);
var messages = Option("--messages", 2000);
var poll = args.SkipWhile(a => a != "--poll").Skip(1).FirstOrDefault() ?? "00:00:00.2";
const string Password = "bench-password";

var dataRoot = Path.Combine(Path.GetTempPath(), "notification-bench-" + Guid.NewGuid().ToString("N"));
Console.WriteLine($"Notification bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}; PostgreSQL in {dataRoot}; dispatcher poll {poll}");
await using var smtp = ReceivingServer.Start();
await using (var server = await EmbeddedPostgresServer.StartAsync(new EmbeddedPostgresOptions { DataRoot = dataRoot, Throwaway = true, DatabaseName = "notification_bench" }))
{
    var app = await SiloApplication.BuildAsync([
        "--urls=http://127.0.0.1:0",
        $"--ConnectionStrings:Postgres={server.ConnectionString}",
        "--Demo:Load=true",
        $"--Demo:Password={Password}",
        "--Logging:LogLevel:Default=Warning",
        "--Logging:Format=simple",
        "--Email:Smtp:Host=127.0.0.1",
        $"--Email:Smtp:Port={smtp.Port.ToString(CultureInfo.InvariantCulture)}",
        "--Email:Smtp:Security=None",
        $"--Email:PollInterval={poll}",
    ]);
    await app.StartAsync();
    var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    var database = app.Services.GetRequiredService<NpgsqlDataSource>();

    // A school with a booker and two staff with addresses; the demo's first course.
    string urn;
    var people = new List<(long Id, string Email)>();
    await using (var pick = database.CreateCommand("""
        SELECT s.school_urn, s.id, s.email FROM staff s
        WHERE s.email IS NOT NULL AND s.removed_at IS NULL
          AND EXISTS (SELECT 1 FROM accounts a WHERE lower(a.email) = 'booker.' || lower(s.school_urn) || '@demo.test')
          AND s.school_urn = (SELECT min(s2.school_urn) FROM staff s2 WHERE s2.email IS NOT NULL AND s2.removed_at IS NULL
                AND EXISTS (SELECT 1 FROM accounts a2 WHERE lower(a2.email) = 'booker.' || lower(s2.school_urn) || '@demo.test'))
        ORDER BY s.id LIMIT 2
        """))
    await using (var reader = await pick.ExecuteReaderAsync())
    {
        urn = "";
        while (await reader.ReadAsync())
        {
            urn = reader.GetString(0);
            people.Add((reader.GetInt64(1), reader.GetString(2)));
        }
    }
    var (courseId, title) = await FirstCourseAsync(database);

    using var admin = await SignedInAsync(address, "admin@demo.test");
    using var booker = await SignedInAsync(address, $"booker.{urn}@demo.test");
    var latencies = new List<double>();
    for (var i = 0; i < offers; i++)
    {
        var day = new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(30 + i), TimeSpan.Zero);
        var run = (await GraphQLAsync(admin, """
            mutation($input: ScheduleRunInput!) { scheduleRun(input: $input) { run { id } errors { code message } } }
            """, new { input = new { courseId, capacity = 1, venue = "Bench Hall", districtId = "maidstone",
                sessions = new[] { new { startsAt = day.AddHours(9.5).ToString("O", CultureInfo.InvariantCulture), endsAt = day.AddHours(15.5).ToString("O", CultureInfo.InvariantCulture) } } } }))
            .GetProperty("scheduleRun").GetProperty("run").GetProperty("id").GetString()!;
        var booked = await GraphQLAsync(booker, """
            mutation($input: BookPlacesInput!) { bookPlaces(input: $input) { bookings { id status } errors { code } } }
            """, new { input = new { runId = run, staffIds = people.Select(p => p.Id.ToString(CultureInfo.InvariantCulture)).ToArray() } });
        var first = booked.GetProperty("bookPlaces").GetProperty("bookings")[0].GetProperty("id").GetString();
        // The booking messages leave first, so the dispatcher is idle when the clock starts.
        await UntilAsync(async () => await PendingAsync(database) == 0);
        smtp.Arrivals.Clear();
        var started = Stopwatch.GetTimestamp();
        await GraphQLAsync(booker, "mutation($input: CancelBookingInput!) { cancelBooking(input: $input) { booking { id } errors { code } } }",
            new { input = new { bookingId = first } });
        var key = $"{people[1].Email}|A place is offered to you on {title}";
        await UntilAsync(() => Task.FromResult(smtp.Arrivals.ContainsKey(key)));
        latencies.Add(Stopwatch.GetElapsedTime(started, smtp.Arrivals[key]).TotalMilliseconds);
    }
    latencies.Sort();
    Console.WriteLine();
    Console.WriteLine($"Cancellation to the offer email arriving ({offers} runs)");
    Console.WriteLine($"  median {latencies[latencies.Count / 2],8:F1} ms   worst {latencies[^1],8:F1} ms");

    // Throughput: messages written at once, sent by the one dispatcher.
    await UntilAsync(async () => await PendingAsync(database) == 0);
    var before = smtp.Count;
    var outbox = app.Services.GetRequiredService<Outbox>();
    var composer = app.Services.GetRequiredService<EmailComposer>();
    await using (var connection = await database.OpenConnectionAsync())
    await using (var transaction = await connection.BeginTransactionAsync())
    {
        for (var i = 0; i < messages; i++)
        {
            await outbox.EnqueueAsync(connection, transaction, new OutboxItem("BENCH", $"reader{i}@bench.example",
                composer.Compose($"Reader {i}", $"Bench message {i}", ["A message of ordinary length, as the product writes them."])));
        }
        await transaction.CommitAsync();
    }
    var sending = Stopwatch.StartNew();
    await UntilAsync(() => Task.FromResult(smtp.Count - before >= messages));
    sending.Stop();
    Console.WriteLine();
    Console.WriteLine($"Dispatcher throughput ({messages} messages, batch {app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmailOptions>>().Value.BatchSize} per claim)");
    Console.WriteLine($"  {messages / sending.Elapsed.TotalSeconds,8:F0} messages/s   ({sending.Elapsed.TotalSeconds:F2} s)");
    await app.StopAsync();
    await app.DisposeAsync();
}

int Option(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

static async Task<(string Id, string Title)> FirstCourseAsync(NpgsqlDataSource database)
{
    await using var command = database.CreateCommand("SELECT id, title FROM courses ORDER BY id LIMIT 1");
    await using var reader = await command.ExecuteReaderAsync();
    await reader.ReadAsync();
    return (reader.GetInt64(0).ToString(CultureInfo.InvariantCulture), reader.GetString(1));
}

static async Task<long> PendingAsync(NpgsqlDataSource database)
{
    await using var command = database.CreateCommand("SELECT count(*) FROM notifications WHERE status = 'PENDING'");
    return (long)(await command.ExecuteScalarAsync())!;
}

static async Task UntilAsync(Func<Task<bool>> done)
{
    var deadline = Stopwatch.StartNew();
    while (!await done())
    {
        if (deadline.Elapsed > TimeSpan.FromMinutes(5))
        {
            throw new TimeoutException("The bench waited five minutes for mail that did not come.");
        }
        await Task.Delay(1);
    }
}

static async Task<HttpClient> SignedInAsync(string address, string email)
{
    var http = new HttpClient { BaseAddress = new Uri(address) };
    var response = await http.PostAsJsonAsync("/auth/token", new { email, password = Password });
    response.EnsureSuccessStatusCode();
    var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    return http;
}

static async Task<JsonElement> GraphQLAsync(HttpClient http, string query, object variables)
{
    var response = await http.PostAsJsonAsync("/graphql", new { query, variables });
    var body = await response.Content.ReadFromJsonAsync<JsonElement>();
    if (body.TryGetProperty("errors", out var errors))
    {
        throw new InvalidOperationException(errors.ToString());
    }
    var data = body.GetProperty("data");
    foreach (var payload in data.EnumerateObject())
    {
        if (payload.Value.ValueKind == JsonValueKind.Object && payload.Value.TryGetProperty("errors", out var userErrors) && userErrors.GetArrayLength() > 0)
        {
            throw new InvalidOperationException(userErrors.ToString());
        }
    }
    return data;
}
