using System.Diagnostics;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Bookings;
using InclusionNetwork.Grains.Tests.Support;
using InclusionNetwork.TestSupport;
using Npgsql;
using Orleans;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace InclusionNetwork.Grains.Tests.Bookings;

/// <summary>
/// A silo dies in the middle of a storm of bookings on one run: whatever was answered is
/// kept, nothing is overbooked, and the run answers again from the survivor.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CourseRunFailoverTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly Viewer Admin = new(1, "Admin", "admin@example.test", new HashSet<Role> { Role.ADMIN }, null, null, null);

    [Fact]
    public async Task Killing_the_silo_that_holds_a_run_mid_storm_loses_no_answered_booking_and_overbooks_nothing()
    {
        await using var cluster = await GrainCluster.StartAsync(await postgres.CreateMigratedDatabaseAsync(), new ManualClock(Now));
        var (runId, staff) = await CourseRunSeed.SeedAsync(cluster.Database, Now, capacity: 20, people: 200);
        // Activate the run, then find which silo holds it: that one dies, the other survives.
        var first = await cluster.GrainsOn(cluster.Silos[0]).GetGrain<ICourseRunGrain>(runId).BookAsync(Admin, [staff[0].ToString()]);
        Assert.Empty(first.Errors);
        var holder = await HolderOfAsync(cluster, runId);
        var survivor = cluster.Silos.Single(s => s.SiloAddress != holder.SiloAddress);
        var run = cluster.GrainsOn(survivor).GetGrain<ICourseRunGrain>(runId);

        var storm = staff.Skip(1).Select(async (id, i) =>
        {
            // Spread over ten seconds, so the storm outlasts the failover.
            await Task.Delay(i * 50);
            try
            {
                return (Person: id, Result: await run.BookAsync(Admin, [id.ToString()]));
            }
            catch (Exception e) when (e is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException)
            {
                // A call caught by the failure has no answer; the person may or may not be booked.
                return (Person: id, Result: (BookPlacesResult?)null);
            }
        }).ToList();
        await Task.Delay(2000);
        var killed = Stopwatch.StartNew();
        await cluster.Cluster.KillSiloAsync(holder);
        var answers = await Task.WhenAll(storm);

        // The run answers again from the survivor, within the ten seconds the failover settings promise.
        while (true)
        {
            try
            {
                await run.SettleOffersAsync();
                break;
            }
            catch (Exception e) when (e is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException && killed.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100);
            }
        }
        Assert.InRange(killed.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));

        var stored = await LiveBookingsAsync(cluster.Database, runId);
        var answered = answers.Where(a => a.Result is not null).SelectMany(a => a.Result!.Bookings).Append(Assert.Single(first.Bookings)).ToList();
        Assert.True(answered.Count > 20, $"Only {answered.Count} bookings were answered before and after the kill.");
        Assert.All(answered, booking => Assert.Equal(booking.Status, stored[booking.StaffId]));
        Assert.Equal(20, stored.Values.Count(s => s == BookingStatus.CONFIRMED));
        Assert.DoesNotContain(answers, a => a.Result is { Errors.Count: > 0 });
    }

    private static async Task<SiloHandle> HolderOfAsync(GrainCluster cluster, long runId)
    {
        var management = cluster.GrainsOn(cluster.Silos[0]).GetGrain<IManagementGrain>(0);
        var runGrainId = cluster.GrainsOn(cluster.Silos[0]).GetGrain<ICourseRunGrain>(runId).GetGrainId();
        var statistics = await management.GetDetailedGrainStatistics();
        var location = Assert.Single(statistics, s => s.GrainId == runGrainId).SiloAddress;
        return cluster.Silos.Single(s => s.SiloAddress == location);
    }

    /// <summary>Each person's live booking status on the run, as stored.</summary>
    private static async Task<Dictionary<long, BookingStatus>> LiveBookingsAsync(NpgsqlDataSource db, long runId)
    {
        await using var command = db.CreateCommand("SELECT staff_id, status FROM bookings WHERE run_id = @run AND status <> 'CANCELLED'");
        command.Parameters.AddWithValue("run", runId);
        await using var reader = await command.ExecuteReaderAsync();
        var statuses = new Dictionary<long, BookingStatus>();
        while (await reader.ReadAsync())
        {
            // Add, not set: a second live booking of one person would throw here.
            statuses.Add(reader.GetInt64(0), Enum.Parse<BookingStatus>(reader.GetString(1)));
        }
        return statuses;
    }
}
