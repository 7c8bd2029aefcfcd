using System.Globalization;
using System.Text.Json;
using InclusionNetwork.Grains.Bookings;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace InclusionNetwork.Silo.Tests.Bookings;

/// <summary>Every booking rule of the contract, through GraphQL against a real database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BookingRulesTests(PostgresFixture postgres) : IAsyncLifetime
{
    private BookingWorld world = null!;

    public async Task InitializeAsync() => world = await BookingWorld.StartAsync(postgres);

    public async Task DisposeAsync() => await world.DisposeAsync();

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static JsonElement[] Bookings(GraphQLResponse response) => [.. response.Get("bookPlaces.bookings").EnumerateArray()];

    [Fact]
    public async Task A_booker_books_only_their_own_staff_and_a_refused_person_never_blocks_the_others()
    {
        var schools = await world.SchoolsAsync(2);
        var ours = await world.StaffOfAsync(schools[0]);
        var theirs = await world.StaffOfAsync(schools[1]);
        var run = await world.ScheduleRunAsync(capacity: 10);

        var response = await BookingWorld.BookAsync(await world.BookerAsync(schools[0]), run, ours[0], theirs[0], 999_999_999, ours[1]);

        var made = Bookings(response);
        Assert.Equal([Id(ours[0]), Id(ours[1])], made.Select(b => b.GetProperty("staff").GetProperty("id").GetString()));
        Assert.All(made, b => Assert.Equal("CONFIRMED", b.GetProperty("status").GetString()));
        var errors = response.Get("bookPlaces.errors").EnumerateArray().ToList();
        Assert.Equal(["NOT_ALLOWED", "NOT_FOUND"], errors.Select(e => e.GetProperty("code").GetString()));
        Assert.Equal(["input", "staffIds", "1"], errors[0].GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["input", "staffIds", "2"], errors[1].GetProperty("path").EnumerateArray().Select(p => p.GetString()));

        var byAdmin = await BookingWorld.BookAsync(await world.AdminAsync(), run, theirs[0]);
        Assert.Empty(byAdmin.UserErrorCodes("bookPlaces"));

        var asStaff = await BookingWorld.BookAsync(await world.StaffAsync(ours[2]), run, ours[2]);
        Assert.Equal(["NOT_ALLOWED"], asStaff.UserErrorCodes("bookPlaces"));
        var anonymous = await BookingWorld.BookAsync(world.Anonymous, run, ours[2]);
        Assert.Equal(["NOT_ALLOWED"], anonymous.UserErrorCodes("bookPlaces"));
        Assert.Equal(3, (await world.RunAsync(await world.AdminAsync(), run)).GetProperty("confirmedCount").GetInt32());
    }

    [Fact]
    public async Task One_live_booking_per_person_per_run()
    {
        var school = (await world.SchoolsAsync(1))[0];
        var staff = await world.StaffOfAsync(school);
        var booker = await world.BookerAsync(school);
        var run = await world.ScheduleRunAsync(capacity: 1);

        await BookingWorld.BookAsync(booker, run, staff[0], staff[1]);
        var again = await BookingWorld.BookAsync(booker, run, staff[0], staff[1], staff[2], staff[2]);

        Assert.Equal(["ALREADY_BOOKED", "ALREADY_BOOKED", "ALREADY_BOOKED"], again.UserErrorCodes("bookPlaces"));
        Assert.Equal(Id(staff[2]), Assert.Single(Bookings(again)).GetProperty("staff").GetProperty("id").GetString());

        // Once cancelled, the person may book again.
        var first = (await world.RunAsync(booker, run)).GetProperty("bookings").EnumerateArray()
            .First(b => b.GetProperty("staff").GetProperty("id").GetString() == Id(staff[0])).GetProperty("id").GetString()!;
        Assert.Empty((await BookingWorld.OnBookingAsync(booker, "cancelBooking", first)).UserErrorCodes("cancelBooking"));
        Assert.Empty((await BookingWorld.BookAsync(booker, run, staff[0])).UserErrorCodes("bookPlaces"));
    }

    [Fact]
    public async Task Bookings_close_at_their_closing_time_and_a_cancelled_run_takes_none()
    {
        var school = (await world.SchoolsAsync(1))[0];
        var staff = await world.StaffOfAsync(school);
        var booker = await world.BookerAsync(school);
        var closing = await world.ScheduleRunAsync(capacity: 5, sessionDays: [10], bookingClosesAt: world.Clock.GetUtcNow().AddDays(2));
        var cancelled = await world.ScheduleRunAsync(capacity: 5, sessionDays: [10]);
        await (await world.ProviderAsync()).GraphQLAsync("mutation($id: ID!) { cancelRun(input: { runId: $id }) { errors { code } } }", new { id = cancelled });

        Assert.Equal(["RUN_CANCELLED"], (await BookingWorld.BookAsync(booker, cancelled, staff[0])).UserErrorCodes("bookPlaces"));
        Assert.Empty((await BookingWorld.BookAsync(booker, closing, staff[0])).UserErrorCodes("bookPlaces"));
        world.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(["BOOKING_CLOSED"], (await BookingWorld.BookAsync(booker, closing, staff[1])).UserErrorCodes("bookPlaces"));
        Assert.Equal(["NOT_FOUND"], (await BookingWorld.BookAsync(booker, "424242", staff[1])).UserErrorCodes("bookPlaces"));
    }

    [Fact]
    public async Task Places_beyond_capacity_or_the_school_cap_join_the_waiting_list_in_order()
    {
        var schools = await world.SchoolsAsync(2);
        var a = await world.StaffOfAsync(schools[0]);
        var b = await world.StaffOfAsync(schools[1]);
        var run = await world.ScheduleRunAsync(capacity: 3, maxPlacesPerSchool: 2);

        var fromA = Bookings(await BookingWorld.BookAsync(await world.BookerAsync(schools[0]), run, a[0], a[1], a[2]));
        var fromB = Bookings(await BookingWorld.BookAsync(await world.BookerAsync(schools[1]), run, b[0], b[1]));

        Assert.Equal(["CONFIRMED", "CONFIRMED", "WAITLISTED"], fromA.Select(x => x.GetProperty("status").GetString()));
        Assert.Equal(1, fromA[2].GetProperty("waitlistPosition").GetInt32());
        Assert.Equal(["CONFIRMED", "WAITLISTED"], fromB.Select(x => x.GetProperty("status").GetString()));
        Assert.Equal(2, fromB[1].GetProperty("waitlistPosition").GetInt32());
        Assert.Equal(JsonValueKind.Null, fromB[0].GetProperty("waitlistPosition").ValueKind);

        var seen = await world.RunAsync(world.Anonymous, run);
        Assert.Equal(3, seen.GetProperty("confirmedCount").GetInt32());
        Assert.Equal(0, seen.GetProperty("placesLeft").GetInt32());
        Assert.Equal(2, seen.GetProperty("waitlistLength").GetInt32());
    }

    [Fact]
    public async Task A_freed_place_is_offered_to_the_head_of_the_waiting_list_who_fits_the_cap_and_accepting_confirms_it()
    {
        var schools = await world.SchoolsAsync(2);
        var a = await world.StaffOfAsync(schools[0]);
        var b = await world.StaffOfAsync(schools[1]);
        var bookerA = await world.BookerAsync(schools[0]);
        var bookerB = await world.BookerAsync(schools[1]);
        var run = await world.ScheduleRunAsync(capacity: 3, maxPlacesPerSchool: 2);
        var confirmedA = Bookings(await BookingWorld.BookAsync(bookerA, run, a[0], a[1]));
        var confirmedB = Bookings(await BookingWorld.BookAsync(bookerB, run, b[0]));
        var waitingA = Bookings(await BookingWorld.BookAsync(bookerA, run, a[2]))[0];
        var waitingB = Bookings(await BookingWorld.BookAsync(bookerB, run, b[1]))[0];

        // B's place frees: A's waiting person is first in the queue but A already holds its cap of 2.
        var cancelled = await BookingWorld.OnBookingAsync(bookerB, "cancelBooking", confirmedB[0].GetProperty("id").GetString()!, new { reason = "Illness" });
        Assert.Equal("CANCELLED", cancelled.Get("cancelBooking.booking.status").GetString());

        var offered = await BookingWorld.OnBookingAsync(bookerB, "acceptOffer", waitingB.GetProperty("id").GetString()!);
        Assert.Equal("CONFIRMED", offered.Get("acceptOffer.booking.status").GetString());
        var notOffered = await BookingWorld.OnBookingAsync(bookerA, "acceptOffer", waitingA.GetProperty("id").GetString()!);
        Assert.Equal(["INVALID"], notOffered.UserErrorCodes("acceptOffer"));

        // Now one of A's places frees: A's waiting person fits again and is offered it, for 48 hours.
        await BookingWorld.OnBookingAsync(bookerA, "cancelBooking", confirmedA[0].GetProperty("id").GetString()!);
        var run2 = await world.RunAsync(bookerA, run);
        var offer = run2.GetProperty("bookings").EnumerateArray().Single(x => x.GetProperty("id").GetString() == waitingA.GetProperty("id").GetString());
        Assert.Equal("OFFERED", offer.GetProperty("status").GetString());
        var myBookings = await (await world.StaffAsync(a[2])).GraphQLAsync("{ me { bookings(status: OFFERED) { id offerExpiresAt } } }");
        Assert.Equal(world.Clock.GetUtcNow().AddHours(48), Assert.Single(myBookings.Get("me.bookings").EnumerateArray()).GetProperty("offerExpiresAt").GetDateTimeOffset());
        Assert.Equal(0, run2.GetProperty("placesLeft").GetInt32());

        // The person themselves may accept.
        var accepted = await BookingWorld.OnBookingAsync(await world.StaffAsync(a[2]), "acceptOffer", waitingA.GetProperty("id").GetString()!);
        Assert.Equal("CONFIRMED", accepted.Get("acceptOffer.booking.status").GetString());
    }

    [Fact]
    public async Task A_lapsed_or_declined_offer_passes_to_the_next_person_and_a_late_acceptance_is_refused()
    {
        var school = (await world.SchoolsAsync(1))[0];
        var staff = await world.StaffOfAsync(school);
        var booker = await world.BookerAsync(school);
        var run = await world.ScheduleRunAsync(capacity: 1, sessionDays: [20]);
        var first = Bookings(await BookingWorld.BookAsync(booker, run, staff[0]))[0].GetProperty("id").GetString()!;
        var waiting = Bookings(await BookingWorld.BookAsync(booker, run, staff[1], staff[2], staff[3])).Select(b => b.GetProperty("id").GetString()!).ToList();

        await BookingWorld.OnBookingAsync(booker, "cancelBooking", first);
        Assert.Equal("OFFERED", await StatusAsync(booker, run, waiting[0]));

        // The first offer lapses: the run's reminder settles it, passing the place to the second person.
        world.Clock.Advance(TimeSpan.FromHours(49));
        await world.Silo.Services.GetRequiredService<IGrainFactory>().GetGrain<ICourseRunGrain>(long.Parse(run)).SettleOffersAsync();
        Assert.Equal("OFFERED", await StatusAsync(booker, run, waiting[1]));
        Assert.Equal("CANCELLED", await StatusAsync(booker, run, waiting[0]));
        var late = await BookingWorld.OnBookingAsync(booker, "acceptOffer", waiting[0]);
        Assert.Equal(["OFFER_EXPIRED"], late.UserErrorCodes("acceptOffer"));
        Assert.Equal(JsonValueKind.Null, late.Get("acceptOffer.booking").ValueKind);

        // The second person declines: the third is offered the place.
        var declined = await BookingWorld.OnBookingAsync(await world.StaffAsync(staff[2]), "cancelBooking", waiting[1]);
        Assert.Empty(declined.UserErrorCodes("cancelBooking"));
        Assert.Equal("OFFERED", await StatusAsync(booker, run, waiting[2]));
        Assert.Equal(0, (await world.RunAsync(booker, run)).GetProperty("placesLeft").GetInt32());
    }

    [Fact]
    public async Task Cancelling_is_allowed_until_the_run_starts_and_only_by_the_school_the_person_or_an_admin()
    {
        var schools = await world.SchoolsAsync(2);
        var staff = await world.StaffOfAsync(schools[0]);
        var booker = await world.BookerAsync(schools[0]);
        var run = await world.ScheduleRunAsync(capacity: 5, sessionDays: [3]);
        var bookings = Bookings(await BookingWorld.BookAsync(booker, run, staff[0], staff[1])).Select(b => b.GetProperty("id").GetString()!).ToList();

        var otherSchool = await BookingWorld.OnBookingAsync(await world.BookerAsync(schools[1]), "cancelBooking", bookings[0]);
        Assert.Equal(["NOT_ALLOWED"], otherSchool.UserErrorCodes("cancelBooking"));
        Assert.Empty((await BookingWorld.OnBookingAsync(booker, "cancelBooking", bookings[0])).UserErrorCodes("cancelBooking"));
        Assert.Equal(["ALREADY_CANCELLED"], (await BookingWorld.OnBookingAsync(booker, "cancelBooking", bookings[0])).UserErrorCodes("cancelBooking"));

        world.Clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(["RUN_STARTED"], (await BookingWorld.OnBookingAsync(booker, "cancelBooking", bookings[1])).UserErrorCodes("cancelBooking"));
        Assert.Equal(["NOT_FOUND"], (await BookingWorld.OnBookingAsync(booker, "cancelBooking", "not-an-id")).UserErrorCodes("cancelBooking"));
    }

    [Fact]
    public async Task A_provider_or_admin_cancels_a_run_once_and_every_live_booking_with_it()
    {
        var school = (await world.SchoolsAsync(1))[0];
        var staff = await world.StaffOfAsync(school);
        var booker = await world.BookerAsync(school);
        var run = await world.ScheduleRunAsync(capacity: 2);
        await BookingWorld.BookAsync(booker, run, staff[0], staff[1], staff[2]);
        const string cancel = "mutation($id: ID!) { cancelRun(input: { runId: $id, reason: \"Trainer unwell\" }) { run { status confirmedCount waitlistLength placesLeft } errors { code } } }";

        Assert.Equal(["NOT_ALLOWED"], (await booker.GraphQLAsync(cancel, new { id = run })).UserErrorCodes("cancelRun"));
        var done = await (await world.ProviderAsync()).GraphQLAsync(cancel, new { id = run });
        Assert.Equal("CANCELLED", done.Get("cancelRun.run.status").GetString());
        Assert.Equal(0, done.Get("cancelRun.run.confirmedCount").GetInt32());
        Assert.Equal(0, done.Get("cancelRun.run.waitlistLength").GetInt32());
        Assert.Equal(["ALREADY_CANCELLED"], (await (await world.AdminAsync()).GraphQLAsync(cancel, new { id = run })).UserErrorCodes("cancelRun"));

        var bookings = (await world.RunAsync(booker, run)).GetProperty("bookings").EnumerateArray().ToList();
        Assert.Equal(3, bookings.Count);
        Assert.All(bookings, b => Assert.Equal("CANCELLED", b.GetProperty("status").GetString()));
        Assert.Equal(3, await world.ScalarAsync<long>(
            "SELECT count(*) FROM bookings WHERE run_id = @run AND cancellation = 'RUN_CANCELLED'", ("run", long.Parse(run, CultureInfo.InvariantCulture))));
    }

    private async Task<string> StatusAsync(HttpClient client, string run, string bookingId) =>
        (await world.RunAsync(client, run)).GetProperty("bookings").EnumerateArray()
            .Single(b => b.GetProperty("id").GetString() == bookingId).GetProperty("status").GetString()!;
}
