using InclusionNetwork.Silo.Tests.Bookings;
using InclusionNetwork.TestSupport;
using Npgsql;

namespace InclusionNetwork.Silo.Tests.Access;

/// <summary>
/// Who may see a booking is decided for the whole response in one batch: a leader's view of
/// every run's bookings costs a handful of statements however many bookings there are, not
/// one visibility query (and one connection) per booking.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class VisibilityBatchingTests(SharedBookingWorld shared) : IClassFixture<SharedBookingWorld>
{
    private readonly BookingWorld world = shared.World;

    private const string EveryRunsBookings = """
        query($first: Int) { directory(first: $first) { nodes { runs(includePast: true) { bookings { id school { urn } } } } } }
        """;

    private static int BookingCount(GraphQLResponse response) =>
        response.Get("directory.nodes").EnumerateArray()
            .Sum(n => n.GetProperty("runs").EnumerateArray().Sum(r => r.GetProperty("bookings").GetArrayLength()));

    [Fact]
    public async Task A_leaders_view_of_every_runs_bookings_costs_a_few_statements_whatever_the_number_of_bookings()
    {
        var leader = await world.AsAsync("leader1@demo.test");
        var admin = await world.AdminAsync();
        await leader.GraphQLAsync(EveryRunsBookings, new { first = 1 });
        using var counter = new QueryStatementCounter(new NpgsqlConnectionStringBuilder(world.ConnectionString).Database!);

        var few = await leader.GraphQLAsync(EveryRunsBookings, new { first = 3 });
        var forFew = counter.Count;
        var listingForFew = counter.Listing;
        counter.Reset();
        var all = await leader.GraphQLAsync(EveryRunsBookings, new { first = 100 });
        var forAll = counter.Count;

        // The leader sees the bookings of the schools of the clusters they lead, and no others.
        var everyBooking = BookingCount(await admin.GraphQLAsync(EveryRunsBookings, new { first = 100 }));
        var seen = BookingCount(all);
        Assert.True(seen > 0 && seen < everyBooking, $"The leader saw {seen} of {everyBooking} bookings.");
        Assert.True(BookingCount(few) < seen);
        var clusterSchools = (await world.ListAsync<string>("""
            SELECT m.school_urn FROM cluster_members m JOIN peer_review_clusters k ON k.id = m.cluster_id
            JOIN accounts a ON a.leader_id = k.leader_id WHERE a.email = 'leader1@demo.test' AND k.academic_year = '2026/27'
            """)).ToHashSet();
        Assert.All(all.Get("directory.nodes").EnumerateArray().SelectMany(n => n.GetProperty("runs").EnumerateArray())
                .SelectMany(r => r.GetProperty("bookings").EnumerateArray()),
            b => Assert.Contains(b.GetProperty("school").GetProperty("urn").GetString()!, clusterSchools));

        // One statement per loader and dispatch wave: well under one per booking, and no more for a hundred courses than for three.
        Assert.True(forAll <= 12, $"{seen} bookings cost {forAll} statements:\n{counter.Listing}");
        Assert.True(forAll <= forFew + 2, $"For three courses {forFew}:\n{listingForFew}\n\nFor a hundred {forAll}:\n{counter.Listing}");
    }

    [Fact]
    public async Task A_schools_page_of_staff_lists_decides_who_may_see_them_in_one_statement()
    {
        var leader = await world.AsAsync("leader1@demo.test");
        const string staffOfSchools = "query($first: Int) { schools(first: $first) { nodes { urn staff { id } } } }";
        await leader.GraphQLAsync(staffOfSchools, new { first = 1 });
        using var counter = new QueryStatementCounter(new NpgsqlConnectionStringBuilder(world.ConnectionString).Database!);

        var page = await leader.GraphQLAsync(staffOfSchools, new { first = 100 });

        Assert.Equal(100, page.Get("schools.nodes").GetArrayLength());
        Assert.True(counter.Count <= 4, $"A page of 100 schools' staff cost {counter.Count} statements:\n{counter.Listing}");
    }
}
