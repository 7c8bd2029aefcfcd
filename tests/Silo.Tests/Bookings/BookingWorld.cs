using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InclusionNetwork.Silo.Tests.Bookings;

/// <summary>
/// The real Silo on its own database with the demo county, a clock the test moves, and
/// helpers to publish a fresh course run through GraphQL, so each test works on runs of its
/// own. Reminders are polled every 100 ms so offer expiry is seen soon after the clock moves.
/// </summary>
public sealed class BookingWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Today = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, HttpClient> clients = [];

    private BookingWorld(SiloHost silo, string connectionString, ManualClock clock)
    {
        Silo = silo;
        ConnectionString = connectionString;
        Clock = clock;
    }

    public SiloHost Silo { get; }

    public string ConnectionString { get; }

    public ManualClock Clock { get; }

    public NpgsqlDataSource Database => Silo.Services.GetRequiredService<NpgsqlDataSource>();

    public HttpClient Anonymous { get; } = new();

    /// <param name="maxPoolSize">
    /// Connections this silo may hold; silos sharing a server must stay under its
    /// max_connections together, as in any deployment of several silos.
    /// </param>
    public static async Task<BookingWorld> StartAsync(PostgresFixture postgres, int? maxPoolSize = null, params KeyValuePair<string, string>[] settings)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(await postgres.CreateDemoDatabaseAsync(Today));
        if (maxPoolSize is { } size)
        {
            connectionString.MaxPoolSize = size;
        }
        return await StartAsync(connectionString.ConnectionString, settings);
    }

    private static async Task<BookingWorld> StartAsync(string connectionString, IEnumerable<KeyValuePair<string, string>>? settings = null)
    {
        var clock = new ManualClock(Today);
        var silo = await SiloHost.StartAsync(connectionString, loadDemoData: true, clock, [.. Settings, .. settings ?? []]);
        var world = new BookingWorld(silo, connectionString, clock);
        world.Anonymous.BaseAddress = silo.BaseAddress;
        return world;
    }

    public static IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("Runtime:ReminderPollInterval", "00:00:00.100")];

    public async Task<HttpClient> AsAsync(string email)
    {
        if (!clients.TryGetValue(email, out var client))
        {
            // Tests move the clock by weeks, so tokens are asked for a year rather than the default month.
            var response = await Anonymous.PostAsJsonAsync("/auth/token", new { email, password = SiloHost.DemoPassword, expiresInDays = 365 });
            response.EnsureSuccessStatusCode();
            var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
            client = Silo.CreateClient(token);
            clients[email] = client;
        }
        return client;
    }

    public Task<HttpClient> AdminAsync() => AsAsync("admin@demo.test");

    public Task<HttpClient> ProviderAsync() => AsAsync("provider@demo.test");

    public Task<HttpClient> BookerAsync(string urn) => AsAsync($"booker.{urn}@demo.test");

    public Task<HttpClient> StaffAsync(long staffId) => AsAsync($"staff.{staffId}@demo.test");

    /// <summary>Open schools (not early-years settings) with at least <paramref name="staff"/> staff who can sign in, in URN order.</summary>
    public async Task<IReadOnlyList<string>> SchoolsAsync(int count, int staff = 6) =>
        await ListAsync<string>("""
            SELECT s.urn FROM schools s WHERE s.open AND s.school_type <> 'EARLY_YEARS_SETTING'
            AND (SELECT count(*) FROM staff st WHERE st.school_urn = s.urn AND st.email IS NOT NULL AND st.removed_at IS NULL) >= @staff
            ORDER BY s.urn LIMIT @count
            """, ("count", count), ("staff", staff));

    /// <summary>Current staff of a school who can sign in, by id.</summary>
    public async Task<IReadOnlyList<long>> StaffOfAsync(string urn) =>
        await ListAsync<long>("SELECT id FROM staff WHERE school_urn = @urn AND email IS NOT NULL AND removed_at IS NULL ORDER BY id", ("urn", urn));

    public async Task<IReadOnlyList<T>> ListAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Database.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetFieldValue<T>(0));
        }
        return rows;
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters) => (await ListAsync<T>(sql, parameters)).Single();

    /// <summary>The demo course with this title (every demo course is the demo provider's).</summary>
    public async Task<string> CourseIdAsync(string title = "Inclusive Practices") =>
        (await ScalarAsync<long>("SELECT id FROM courses WHERE title = @title", ("title", title))).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Publishes a run as the provider: sessions of 09:30–15:30 on the given days from now,
    /// in Maidstone unless online. Returns the run's id.
    /// </summary>
    public async Task<string> ScheduleRunAsync(int capacity, int? maxPlacesPerSchool = null, int[]? sessionDays = null, DateTimeOffset? bookingClosesAt = null)
    {
        var now = Clock.GetUtcNow();
        var sessions = (sessionDays ?? [14]).Select(d => new
        {
            startsAt = now.Date.AddDays(d).AddHours(9.5).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            endsAt = now.Date.AddDays(d).AddHours(15.5).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        }).ToArray();
        var response = await (await ProviderAsync()).GraphQLAsync("""
            mutation($input: ScheduleRunInput!) { scheduleRun(input: $input) { run { id } errors { code message path } } }
            """, new
        {
            input = new
            {
                courseId = await CourseIdAsync(),
                sessions,
                venue = "Maidstone Inclusion Hub",
                districtId = "maidstone",
                capacity,
                maxPlacesPerSchool,
                bookingClosesAt = bookingClosesAt?.ToString("O", CultureInfo.InvariantCulture),
            },
        });
        Assert.Empty(response.UserErrorCodes("scheduleRun"));
        return response.Get("scheduleRun.run.id").GetString()!;
    }

    public const string BookingFields = "id status waitlistPosition offerExpiresAt completed staff { id } school { urn }";

    public static async Task<GraphQLResponse> BookAsync(HttpClient client, string runId, params long[] staffIds) =>
        await client.GraphQLAsync($$"""
            mutation($input: BookPlacesInput!) {
              bookPlaces(input: $input) { bookings { {{BookingFields}} } errors { code message path } }
            }
            """, new { input = new { runId, staffIds = staffIds.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToArray() } });

    public static async Task<GraphQLResponse> OnBookingAsync(HttpClient client, string mutation, string bookingId, object? extra = null)
    {
        var input = new Dictionary<string, object?> { ["bookingId"] = bookingId };
        if (extra is not null)
        {
            foreach (var property in extra.GetType().GetProperties())
            {
                input[property.Name] = property.GetValue(extra);
            }
        }
        var inputType = char.ToUpperInvariant(mutation[0]) + mutation[1..] + "Input";
        return await client.GraphQLAsync($$"""
            mutation($input: {{inputType}}!) { {{mutation}}(input: $input) { booking { {{BookingFields}} } errors { code message path } } }
            """, new { input });
    }

    public async Task<JsonElement> RunAsync(HttpClient client, string runId) =>
        (await client.GraphQLAsync("""
            query($id: ID!) { courseRun(id: $id) {
              id capacity confirmedCount placesLeft waitlistLength status
              sessions { id startsAt } bookings { id status waitlistPosition staff { id } } } }
            """, new { id = runId })).Get("courseRun");

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
        Anonymous.Dispose();
        await Silo.DisposeAsync();
    }
}
