using InclusionNetwork.Grains.Bookings;
using InclusionNetwork.Grains.Courses;

namespace InclusionNetwork.Grains.Tests.Bookings;

/// <summary>The booking rules on a run's state, without the database.</summary>
public sealed class CourseRunStateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromHours(48);

    private static CourseRunState Run(int capacity, int? cap = null, DateTimeOffset? startsAt = null) => new(
        new CourseRun(1, 1, "Hub", "dover", capacity, cap, Now.AddDays(5), startsAt ?? Now.AddDays(10), (startsAt ?? Now.AddDays(10)).AddHours(6),
            false, null, 0, 0, 0, 0),
        providerAccountId: 7, version: 1, bookings: []);

    [Fact]
    public void People_are_confirmed_while_the_run_and_their_school_have_room_and_waitlisted_after()
    {
        var state = Run(capacity: 3, cap: 2);

        var statuses = new[] { (1L, "A"), (2L, "A"), (3L, "A"), (4L, "B"), (5L, "B") }
            .Select(p => state.Place(p.Item1, p.Item2, null, Now).Status).ToList();

        Assert.Equal([BookingStatus.CONFIRMED, BookingStatus.CONFIRMED, BookingStatus.WAITLISTED, BookingStatus.CONFIRMED, BookingStatus.WAITLISTED], statuses);
        Assert.Equal(3, state.HeldPlaces);
    }

    [Fact]
    public void A_freed_place_goes_to_the_first_waiting_person_whose_school_is_under_its_cap()
    {
        var state = Run(capacity: 3, cap: 2);
        state.Place(1, "A", null, Now);
        state.Place(2, "A", null, Now);
        var b = state.Place(3, "B", null, Now);
        var waitingA = state.Place(4, "A", null, Now);
        var waitingB = state.Place(5, "B", null, Now);

        state.Cancel(b, Cancellation.CANCELLED, null, Now);
        state.OfferFreedPlaces(Now, Window);

        Assert.Equal(BookingStatus.WAITLISTED, waitingA.Status);
        Assert.Equal(BookingStatus.OFFERED, waitingB.Status);
        Assert.Equal(Now + Window, waitingB.OfferExpiresAt);
        Assert.True(state.OffersChanged);
    }

    [Fact]
    public void A_lapsed_offer_passes_on_and_no_offer_outlives_the_start_of_the_run()
    {
        var state = Run(capacity: 1, startsAt: Now.AddHours(60));
        var holder = state.Place(1, "A", null, Now);
        var first = state.Place(2, "B", null, Now);
        var second = state.Place(3, "C", null, Now);
        state.Cancel(holder, Cancellation.CANCELLED, null, Now);
        state.OfferFreedPlaces(Now, Window);

        state.Settle(Now + Window, Window);

        Assert.Equal(Cancellation.OFFER_LAPSED, first.Cancellation);
        Assert.Equal(BookingStatus.OFFERED, second.Status);
        // Started 60 hours after the first offer: the second lapses at the start, not 48 hours on.
        Assert.Equal(Now.AddHours(60), second.OfferExpiresAt);

        state.Settle(Now.AddHours(61), Window);
        Assert.Equal(Cancellation.OFFER_LAPSED, second.Cancellation);
        Assert.Equal(0, state.HeldPlaces);
    }

    [Fact]
    public void Cancelling_the_run_cancels_every_live_booking()
    {
        var state = Run(capacity: 1);
        state.Place(1, "A", null, Now);
        state.Place(2, "A", null, Now);

        state.CancelRun("Trainer unwell", Now);

        Assert.True(state.Run.Cancelled);
        Assert.All(state.Bookings, b => Assert.Equal(Cancellation.RUN_CANCELLED, b.Cancellation));
        state.OfferFreedPlaces(Now, Window);
        Assert.DoesNotContain(state.Bookings, b => b.Status == BookingStatus.OFFERED);
    }
}
