using System.Net;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Calendars;
using Orleans;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionNetwork.Silo.Tests.Calendars;

/// <summary>A Silo on a demo database with <see cref="CalendarSeed"/> loaded, a fixed feed key and a movable clock.</summary>
internal sealed class FeedTestSilo : IAsyncDisposable
{
    public const string PublicBaseUrl = "https://inclusion.example";
    public static readonly string FeedKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    /// <summary>1 March 2026: the seeded sessions, visits and meetings lie ahead.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private FeedTestSilo(SiloHost silo, ManualClock clock, CalendarSeed seed, string connectionString)
    {
        Silo = silo;
        Clock = clock;
        Seed = seed;
        ConnectionString = connectionString;
    }

    public SiloHost Silo { get; }

    public ManualClock Clock { get; }

    public CalendarSeed Seed { get; }

    public string ConnectionString { get; }

    public static async Task<FeedTestSilo> StartAsync(PostgresFixture postgres)
    {
        var connectionString = await postgres.CreateDemoDatabaseAsync(Start);
        var clock = new ManualClock(Start);
        var silo = await SiloHost.StartAsync(connectionString, loadDemoData: true, clock: clock, settings:
        [
            new("Calendar:FeedKey", FeedKey),
            new("App:PublicBaseUrl", PublicBaseUrl),
        ]);
        await ListeningAsync(silo);
        return new FeedTestSilo(silo, clock, await CalendarSeed.LoadAsync(connectionString, Start), connectionString);
    }

    /// <summary>
    /// Waits (bounded) until the silo hears committed feed changes, so its polls are answered from
    /// memory from the start, as they are once a silo has been up a moment.
    /// </summary>
    public static async Task ListeningAsync(SiloHost silo)
    {
        var changes = silo.Services.GetRequiredService<FeedChanges>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!changes.Listening)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "The silo did not start listening for feed changes.");
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }
    }

    /// <summary>
    /// Waits until the silo has heard every change committed so far (a notice arrives a moment after
    /// its commit), so a poll right after a write sees it as a subscriber polling later would.
    /// </summary>
    public Task CatchUpAsync() => Silo.Services.GetRequiredService<FeedChangeListener>().CatchUpAsync();

    public async Task<Viewer> ViewerAsync(string email) =>
        await Silo.Services.GetRequiredService<AccountService>().FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");

    /// <summary>Issues a feed as the person with <paramref name="email"/> would, through their feeds grain.</summary>
    public async Task<CalendarFeed> CreateFeedAsync(string email, FeedScope scope, string? subjectId = null)
    {
        var viewer = await ViewerAsync(email);
        var result = await Silo.Services.GetRequiredService<IGrainFactory>().GetGrain<ICalendarFeedsGrain>(viewer.AccountId).CreateAsync(viewer, scope, subjectId);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Message}")));
        return result.Value!;
    }

    /// <summary>The feed's path on this Silo (its URL carries the public base address).</summary>
    public static string PathOf(CalendarFeed feed) => new Uri(feed.Url).AbsolutePath;

    public async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string path, Action<HttpRequestMessage>? configure = null)
    {
        await CatchUpAsync();
        using var client = Silo.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        configure?.Invoke(request);
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Fetches a feed that must be served, checks its bytes and returns its text.</summary>
    public async Task<string> FetchAsync(CalendarFeed feed)
    {
        var (response, body) = await GetAsync(PathOf(feed));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return FeedBytes.AssertWellFormed(body);
    }

    public async ValueTask DisposeAsync() => await Silo.DisposeAsync();
}
