using System.Globalization;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Bookings;

/// <summary>
/// Capacity holds across silo processes sharing one database: two hosts, 200 concurrent
/// requests for different people at a 20-place run.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class NoOverbookingTests(PostgresFixture postgres) : IAsyncLifetime
{
    private BookingWorld world = null!;
    private SiloHost second = null!;

    public async Task InitializeAsync()
    {
        world = await BookingWorld.StartAsync(postgres, maxPoolSize: 30);
        second = await SiloHost.StartAsync(world.ConnectionString, loadDemoData: false, world.Clock, BookingWorld.Settings);
    }

    public async Task DisposeAsync()
    {
        await second.DisposeAsync();
        await world.DisposeAsync();
    }

    [Fact]
    public async Task Two_hosts_and_200_concurrent_bookings_give_exactly_20_confirmed_and_a_waiting_list_numbered_1_to_180()
    {
        var run = await world.ScheduleRunAsync(capacity: 20);
        var people = await world.ListAsync<long>("SELECT id FROM staff WHERE removed_at IS NULL ORDER BY id LIMIT 200");
        Assert.Equal(200, people.Count);
        var adminOnFirst = await world.AdminAsync();
        // The same account's token works on either host: tokens live in the shared database.
        using var adminOnSecond = second.CreateClient(adminOnFirst.DefaultRequestHeaders.Authorization!.Parameter);

        using var start = new SemaphoreSlim(0);
        var requests = people.Select((person, i) => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await BookingWorld.BookAsync(i % 2 == 0 ? adminOnFirst : adminOnSecond, run, person);
        })).ToList();
        start.Release(people.Count);
        var responses = await Task.WhenAll(requests);

        Assert.All(responses, r => Assert.Empty(r.UserErrorCodes("bookPlaces")));
        var outcomes = responses.Select(r => r.Get("bookPlaces.bookings.0")).ToList();
        Assert.Equal(20, outcomes.Count(o => o.GetProperty("status").GetString() == "CONFIRMED"));
        var positions = outcomes.Where(o => o.GetProperty("status").GetString() == "WAITLISTED")
            .Select(o => o.GetProperty("waitlistPosition").GetInt32()).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 180), positions);

        var runId = long.Parse(run, CultureInfo.InvariantCulture);
        var counted = await world.RunAsync(adminOnSecond, run);
        Assert.Equal(20, counted.GetProperty("confirmedCount").GetInt32());
        Assert.Equal(0, counted.GetProperty("placesLeft").GetInt32());
        Assert.Equal(180, counted.GetProperty("waitlistLength").GetInt32());
        Assert.Equal(20, await world.ScalarAsync<long>("SELECT count(*) FROM bookings WHERE run_id = @r AND status = 'CONFIRMED'", ("r", runId)));
        Assert.Equal(180, await world.ScalarAsync<long>("SELECT count(*) FROM bookings WHERE run_id = @r AND status = 'WAITLISTED'", ("r", runId)));
        // The positions read now agree with the ones each request was told.
        var now = counted.GetProperty("bookings").EnumerateArray().Where(b => b.GetProperty("status").GetString() == "WAITLISTED")
            .Select(b => b.GetProperty("waitlistPosition").GetInt32()).Order();
        Assert.Equal(Enumerable.Range(1, 180), now);
    }
}
