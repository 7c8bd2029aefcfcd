using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Calendars;
using InclusionNetwork.Silo;
using InclusionNetwork.Silo.Database;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans;

// Calendar feeds on Ical.Net, through the real Silo over HTTP on a throwaway PostgreSQL:
// - first render: a school feed of 2,000 meetings and one of 100 (a typical school), each
//   the first poll after a change (read, Ical.Net render, keep), and Ical.Net's serialisation
//   alone of the same documents, with the bytes allocated;
// - repeated polls of each unchanged feed, 200 with the body and 304 with If-None-Match:
//   median and 95th percentile of 200 polls after 20 warm-ups, with the bytes allocated, over
//   HTTP and the server's part alone (CalendarFeedServer: the feed kept in memory while the silo
//   hears committed changes, so no query; and, for comparison, the one lookup in the database a
//   silo that does not hear changes makes), each poll taken in turns with one Npgsql round trip
//   (SELECT 1) on the same pool, and given as a ratio to it: the machine may be shared, and the
//   ratio holds where times do not;
// - the server's part of a poll that follows a write to another school's booking (timed with
//   the write: one UPDATE more than an unchanged poll, and no re-read of the feed's events).
// The old hand-written writer took 1.53-1.74 ms and 81.6 KB for 2,000 events (to a string).
// Before the lookup was prepared, on a quiet machine (2,055 events): server's part 1.58 / 3.48 ms,
// 304 over HTTP 2.06 / 4.60 ms, SELECT 1 0.19 / 0.30 ms (median / p95), that is 8x / 12x and
// 11x / 15x SELECT 1.
// `--smoke`: tiny feeds and few polls, to check the bench runs (its figures mean nothing).
var smoke = args.Contains("--smoke");
var WarmUps = smoke ? 3 : 20;
var Polls = smoke ? 20 : 200;
const int FirstRenders = 5;

var dataRoot = Path.Combine(Path.GetTempPath(), "calendar-bench-" + Guid.NewGuid().ToString("N"));
Console.WriteLine($"Calendar bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}; PostgreSQL in {dataRoot}");
await using var server = await EmbeddedPostgresServer.StartAsync(new EmbeddedPostgresOptions { DataRoot = dataRoot, Throwaway = true, DatabaseName = "calendar_bench" });
var app = await SiloApplication.BuildAsync([
    "--urls=http://127.0.0.1:0",
    $"--ConnectionStrings:Postgres={server.ConnectionString}",
    "--Demo:Load=true",
    "--Logging:LogLevel:Default=Warning",
    "--Logging:Format=simple",
]);
await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
var database = app.Services.GetRequiredService<NpgsqlDataSource>();
var feedServer = app.Services.GetRequiredService<CalendarFeedServer>();
var listener = app.Services.GetRequiredService<FeedChangeListener>();
var changes = app.Services.GetRequiredService<FeedChanges>();
for (var waited = Stopwatch.StartNew(); !changes.Listening; await Task.Delay(TimeSpan.FromMilliseconds(20)))
{
    if (waited.Elapsed > TimeSpan.FromSeconds(30))
    {
        throw new InvalidOperationException("The silo does not hear feed changes.");
    }
}
// A silo that does not hear changes (its listening connection down): every poll is the lookup in the database.
using var lookupServer = new CalendarFeedServer(
    app.Services.GetRequiredService<CalendarFeedStore>(), app.Services.GetRequiredService<FeedAccess>(), app.Services.GetRequiredService<CalendarFeedRenderer>(),
    app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CalendarFeedOptions>>(), app.Services.GetRequiredService<InclusionNetwork.Grains.Common.DomainClock>(),
    new FeedChanges());
using var http = new HttpClient { BaseAddress = new Uri(address) };

var bookers = await BookersAsync(database);
Console.WriteLine();
Console.WriteLine($"{"",-44} {"median",10} {"p95",10} {"allocated",12}");
foreach (var (size, booker) in smoke ? new[] { (40, bookers[0]), (5, bookers[1]) } : new[] { (2_000, bookers[0]), (100, bookers[1]) })
{
    var networkId = await MeetingsAsync(database, booker.Urn, size);
    var viewer = await app.Services.GetRequiredService<AccountService>().FindByEmailAsync(booker.Email) ?? throw new InvalidOperationException(booker.Email);
    var created = await app.Services.GetRequiredService<IGrainFactory>().GetGrain<ICalendarFeedsGrain>(viewer.AccountId).CreateAsync(viewer, FeedScope.SCHOOL, booker.Urn);
    var feed = created.Value ?? throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Message)));
    var path = new Uri(feed.Url).AbsolutePath;
    var token = Path.GetFileNameWithoutExtension(path);
    var document = await app.Services.GetRequiredService<CalendarFeedRenderer>().RenderAsync(FeedScope.SCHOOL, booker.Urn, viewer);
    Console.WriteLine($"School feed of {document.Events.Count:N0} events ({size:N0} meetings)");

    // First render: each poll follows a change to one of the feed's meetings.
    var first = new List<double>();
    var firstAllocated = new List<long>();
    byte[] body = [];
    for (var i = 0; i < FirstRenders; i++)
    {
        await ChangeAsync(database, networkId, i);
        // The silo has heard of the change (a notice arrives a moment after its commit), as it has by a subscriber's next poll.
        await listener.CatchUpAsync();
        var renderings = feedServer.Renderings;
        var (ms, bytes, response) = await MeasureAsync(() => http.GetAsync(path));
        body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK || feedServer.Renderings != renderings + 1)
        {
            throw new InvalidOperationException($"The first poll after a change answered {response.StatusCode} with {feedServer.Renderings - renderings} renderings.");
        }
        first.Add(ms);
        firstAllocated.Add(bytes);
    }
    Print("  first poll after a change (HTTP, renders)", first, firstAllocated.Average());
    var serialise = new List<double>();
    var serialiseAllocated = new List<long>();
    for (var i = 0; i < FirstRenders; i++)
    {
        var (ms, bytes, _) = await MeasureAsync(() => Task.FromResult(IcsFiles.ToBytes(document)));
        serialise.Add(ms);
        serialiseAllocated.Add(bytes);
    }
    Print("  Ical.Net serialisation alone", serialise, serialiseAllocated.Average());
    Console.WriteLine($"  body: {body.Length / 1024.0:F1} KB");

    // Repeated polls of the unchanged feed. Each measured call alternates with a bare SELECT 1 on the
    // Silo's own pool, so both see the same machine: on a shared machine the ratio is the figure to compare.
    var renderingsBefore = feedServer.Renderings;
    var etag = EntityTagHeaderValue.Parse((await http.GetAsync(path)).Headers.ETag!.ToString());
    var (serverTimes, serverFloor, serverAllocated, commands) = await BesideFloorAsync(database, async () =>
    {
        var served = await feedServer.ServeAsync(token) ?? throw new InvalidOperationException("The feed was not served.");
        return (await served.ReadBodyAsync()).Body.Length;
    });
    Print("  repeated poll, server's part, 200 (memory)", serverTimes, serverAllocated, serverFloor);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    Npgsql commands per poll: {commands:F2}"));
    var (validatorsTimes, validatorsFloor, validatorsAllocated, _) = await BesideFloorAsync(database, async () =>
    {
        var served = await feedServer.ServeAsync(token) ?? throw new InvalidOperationException("The feed was not served.");
        return served.ETag.Length;
    });
    Print("  repeated poll, server's part, 304 (memory)", validatorsTimes, validatorsAllocated, validatorsFloor);
    var (lookupTimes, lookupFloor, lookupAllocated, lookupCommands) = await BesideFloorAsync(database, async () =>
    {
        var served = await lookupServer.ServeAsync(token) ?? throw new InvalidOperationException("The feed was not served.");
        return (await served.ReadBodyAsync()).Body.Length;
    });
    Print("  same, silo not hearing changes (lookup)", lookupTimes, lookupAllocated, lookupFloor);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    Npgsql commands per poll: {lookupCommands:F2}"));
    var (notModifiedTimes, notModifiedFloor, notModifiedAllocated, _) = await BesideFloorAsync(database, () => HttpPollAsync(() =>
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        return http.SendAsync(request);
    }, HttpStatusCode.NotModified));
    Print("  repeated poll, 304 Not Modified (HTTP)", notModifiedTimes, notModifiedAllocated, notModifiedFloor);
    var (okTimes, okFloor, okAllocated, _) = await BesideFloorAsync(database, () => HttpPollAsync(() => http.GetAsync(path), HttpStatusCode.OK));
    Print("  repeated poll, 200 with body (HTTP)", okTimes, okAllocated, okFloor);
    Print("  floor: one Npgsql round trip (SELECT 1)", serverFloor, 0);

    // A busy county: before each poll another school's booking changes. That write does not reach
    // this feed's version, so the poll is still the lookup alone, not a re-read of its events.
    var (busyTimes, busyFloor, busyAllocated, busyCommands) = await BesideFloorAsync(database, async () =>
    {
        await OtherSchoolsBookingChangesAsync(database, booker.Urn);
        var served = await feedServer.ServeAsync(token) ?? throw new InvalidOperationException("The feed was not served.");
        return (await served.ReadBodyAsync()).Body.Length;
    });
    Print("  poll after another school's booking", busyTimes, busyAllocated, busyFloor);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    Npgsql commands per poll, the write included: {busyCommands:F2}"));
    if (feedServer.Renderings != renderingsBefore)
    {
        throw new InvalidOperationException($"Repeated polls of an unchanged feed rendered it {feedServer.Renderings - renderingsBefore} times.");
    }
    Console.WriteLine();
}
Console.WriteLine("Old hand-written writer, 2,000 events: 1.53-1.74 ms, 81.6 KB allocated (a render, not a poll).");
Console.WriteLine("Before the prepared lookup, quiet machine, 2,055 events: server's part 1.58 / 3.48 ms (8x / 12x SELECT 1), 304 over HTTP 2.06 / 4.60 ms (11x / 15x).");
Console.WriteLine("Last measured with the lookup on every poll, quiet machine: server's part 0.73 / 1.09 ms (138 events); SELECT 1 0.19 / 0.30 ms.");
await app.StopAsync();
await app.DisposeAsync();

static async Task<int> HttpPollAsync(Func<Task<HttpResponseMessage>> poll, HttpStatusCode expected)
{
    using var response = await poll();
    var body = await response.Content.ReadAsByteArrayAsync();
    if (response.StatusCode != expected)
    {
        throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {response.StatusCode}, expected {expected}.");
    }
    return body.Length;
}

// The poll and a bare SELECT 1 taken in turns, each timed alone, after warm-ups and a full
// collection (so one series does not pay for the garbage of the one before); with the bytes
// allocated and the Npgsql commands started per poll.
async Task<(List<double> Times, List<double> Floor, double Allocated, double Commands)> BesideFloorAsync(NpgsqlDataSource database, Func<Task<int>> poll)
{
    async Task<int> SelectOneAsync()
    {
        await using var command = database.CreateCommand("SELECT 1");
        return (int)(await command.ExecuteScalarAsync())!;
    }
    for (var i = 0; i < WarmUps; i++)
    {
        await poll();
        await SelectOneAsync();
    }
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    var times = new List<double>();
    var floor = new List<double>();
    long allocated = 0;
    var started = 0;
    var startedInPolls = 0;
    // Every command Npgsql runs starts an activity; those started during the polls are the poll's own
    // (give or take a background query of Orleans' in the same moment).
    using var listener = new ActivityListener
    {
        ShouldListenTo = source => source.Name == "Npgsql",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
        ActivityStarted = _ => Interlocked.Increment(ref started),
    };
    ActivitySource.AddActivityListener(listener);
    for (var i = 0; i < Polls; i++)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var startedBefore = Volatile.Read(ref started);
        var watch = Stopwatch.StartNew();
        await poll();
        times.Add(watch.Elapsed.TotalMilliseconds);
        startedInPolls += Volatile.Read(ref started) - startedBefore;
        allocated += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        watch.Restart();
        await SelectOneAsync();
        floor.Add(watch.Elapsed.TotalMilliseconds);
    }
    return (times, floor, allocated / (double)Polls, startedInPolls / (double)Polls);
}

// Allocations are the whole process's (client, server and Silo alike) while the call runs.
static async Task<(double Ms, long Bytes, T Result)> MeasureAsync<T>(Func<Task<T>> call)
{
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var watch = Stopwatch.StartNew();
    var result = await call();
    var ms = watch.Elapsed.TotalMilliseconds;
    return (ms, GC.GetTotalAllocatedBytes(precise: true) - allocated, result);
}

static void Print(string label, List<double> times, double allocated, List<double>? floor = null)
{
    var (median, p95) = Percentiles(times);
    var line = string.Create(CultureInfo.InvariantCulture, $"{label,-44} {median,7:F2} ms {p95,7:F2} ms {allocated / 1024,9:F1} KB");
    if (floor is not null)
    {
        var (floorMedian, floorP95) = Percentiles(floor);
        line += string.Create(CultureInfo.InvariantCulture, $"   {median / floorMedian,5:F1}x / {p95 / floorP95,5:F1}x SELECT 1 beside it");
    }
    Console.WriteLine(line);
}

static (double Median, double P95) Percentiles(List<double> times)
{
    var sorted = times.Order().ToList();
    return (sorted[sorted.Count / 2], sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * 0.95) - 1)]);
}

static async Task<List<(string Email, string Urn)>> BookersAsync(NpgsqlDataSource database)
{
    await using var command = database.CreateCommand("""
        SELECT DISTINCT ON (a.school_urn) a.email, a.school_urn
        FROM accounts a JOIN account_roles r ON r.account_id = a.id AND r.role = 'SCHOOL_BOOKER'
        WHERE a.school_urn IS NOT NULL AND a.disabled_at IS NULL
        ORDER BY a.school_urn, a.id LIMIT 2
        """);
    var bookers = new List<(string, string)>();
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        bookers.Add((reader.GetString(0), reader.GetString(1)));
    }
    return bookers.Count == 2 ? bookers : throw new InvalidOperationException("The demo data has fewer than two schools with a booker.");
}

// A network of the school's with this many weekly meetings from next September on.
static async Task<long> MeetingsAsync(NpgsqlDataSource database, string urn, int count)
{
    await using var command = database.CreateCommand("""
        WITH network AS (
            INSERT INTO networks (name, kind, location, created_at, updated_at)
            VALUES ('Bench forum – ' || @count || ' meetings; Ærø', 'OTHER', 'Hall Ω, Main Street', now(), now()) RETURNING id
        ), member AS (
            INSERT INTO network_members (network_id, school_urn) SELECT id, @urn FROM network
        ), meeting AS (
            INSERT INTO meetings (network_id, title, starts_at, ends_at, created_at, updated_at)
            SELECT n.id, 'Forum ' || i || ': ‘ordinarily available’ provision, part ' || (i % 4 + 1),
                   timestamptz '2027-09-06 16:00 Europe/London' + (i || ' days')::interval,
                   timestamptz '2027-09-06 17:30 Europe/London' + (i || ' days')::interval, now(), now()
            FROM network n, generate_series(0, @count - 1) AS i
        )
        SELECT id FROM network
        """);
    command.Parameters.AddWithValue("urn", urn);
    command.Parameters.AddWithValue("count", count);
    return (long)(await command.ExecuteScalarAsync())!;
}

// One booking of another school changes, as the many writes elsewhere in a county do.
static async Task OtherSchoolsBookingChangesAsync(NpgsqlDataSource database, string urn)
{
    await using var command = database.CreateCommand("""
        UPDATE bookings SET updated_at = now() WHERE id = (SELECT min(id) FROM bookings WHERE school_urn <> @urn)
        """);
    command.Parameters.AddWithValue("urn", urn);
    if (await command.ExecuteNonQueryAsync() != 1)
    {
        throw new InvalidOperationException("The demo data has no booking of another school.");
    }
}

static async Task ChangeAsync(NpgsqlDataSource database, long networkId, int round)
{
    await using var command = database.CreateCommand("""
        UPDATE meetings SET title = title || ' (updated)', sequence = sequence + 1, updated_at = now()
        WHERE id = (SELECT min(id) + @round FROM meetings WHERE network_id = @network)
        """);
    command.Parameters.AddWithValue("network", networkId);
    command.Parameters.AddWithValue("round", round);
    await command.ExecuteNonQueryAsync();
}
