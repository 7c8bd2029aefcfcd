using InclusionNetwork.Grains.Bookings;
using InclusionNetwork.Grains.Calendars;
using InclusionNetwork.Grains.PeerReview;
using InclusionNetwork.Grains.Schools;
using InclusionNetwork.Grains.Uptake;
using InclusionNetwork.Grains.Common;

namespace InclusionNetwork.Silo.Extensions;

public static class DomainExtensions
{
    /// <summary>
    /// The domain: each concept's query classes and stores (reads straight from SQL), which
    /// the grains (found by Orleans in the Grains assembly) are built with, and one injected
    /// clock, so tests can move the programme's time.
    /// </summary>
    public static WebApplicationBuilder AddDomain(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new DomainClock(TimeProvider.System));
        builder.Services.AddSchoolsAndPlaces();
        builder.Services.AddCoursesAndBookings(builder.Configuration);
        builder.Services.AddPeerReviewAndNetworks(builder.Configuration);
        builder.Services.AddCalendarFeeds(builder.Configuration);
        builder.Services.AddUptake();
        builder.Services.AddSchoolUptake();
        return builder;
    }
}
