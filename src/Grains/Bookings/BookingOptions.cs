namespace InclusionNetwork.Grains.Bookings;

/// <summary>Booking policy (configuration section <c>Bookings</c>).</summary>
public sealed class BookingOptions
{
    /// <summary>How long a place offered from the waiting list stays open.</summary>
    public TimeSpan OfferWindow { get; set; } = TimeSpan.FromHours(48);

    /// <summary>How long after completing a run its follow-up may be given.</summary>
    public TimeSpan FollowUpAfter { get; set; } = TimeSpan.FromDays(42);

    /// <summary>The most people one booking request may name.</summary>
    public int MaxPeoplePerRequest { get; set; } = 100;
}
