using InclusionNetwork.Grains.Bookings;
using InclusionNetwork.Grains.Calendars;
using InclusionNetwork.Grains.PeerReview;
using InclusionNetwork.Grains.Schools;
using InclusionNetwork.Grains.Uptake;
using InclusionNetwork.Runtime;

namespace InclusionNetwork.Silo.Extensions;

public static class DomainExtensions
{
    /// <summary>
    /// The domain: grains (commands, one grain per call), each concept's query classes and
    /// stores (reads straight from SQL), and one injected clock, so tests can move time.
    /// </summary>
    public static WebApplicationBuilder AddDomain(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddGrainRuntime(options => builder.Configuration.GetSection("Runtime").Bind(options));
        builder.Services.AddGrainsFromAssembly(typeof(SchoolGrain).Assembly);
        builder.Services.AddSchoolsAndPlaces();
        builder.Services.AddCoursesAndBookings(builder.Configuration);
        builder.Services.AddPeerReviewAndNetworks(builder.Configuration);
        builder.Services.AddCalendarFeeds(builder.Configuration);
        builder.Services.AddUptake();
        return builder;
    }
}
