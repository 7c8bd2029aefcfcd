using InclusionNetwork.Grains.Bookings;
using InclusionNetwork.Grains.Calendars;
using InclusionNetwork.Grains.Leaders;
using InclusionNetwork.Grains.Networks;
using InclusionNetwork.Grains.PeerReview;
using InclusionNetwork.Grains.Places;
using InclusionNetwork.Grains.Schools;
using InclusionNetwork.Grains.Uptake;
using InclusionNetwork.Runtime;

namespace InclusionNetwork.Silo.Extensions;

public static class DomainExtensions
{
    /// <summary>
    /// The domain: grains (commands, one grain per call), query classes (reads straight
    /// from SQL) and one injected clock, so tests can move time.
    /// </summary>
    public static WebApplicationBuilder AddDomain(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddGrainRuntime(options => builder.Configuration.GetSection("Runtime").Bind(options));
        builder.Services.AddGrainsFromAssembly(typeof(SchoolGrain).Assembly);
        builder.Services.AddSingleton<SchoolImporter>();
        builder.Services.AddSingleton<SchoolQueries>();
        builder.Services.AddSingleton<PlacesDirectory>();
        builder.Services.AddSingleton<StaffVisibility>();
        // Peer review and networks: stores and queries of the clusters, cycles, visits and meetings.
        builder.Services.Configure<PeerReviewOptions>(builder.Configuration.GetSection("PeerReview"));
        builder.Services.AddSingleton<LeaderQueries>();
        builder.Services.AddSingleton<PeerReviewQueries>();
        builder.Services.AddSingleton<ClusterStore>();
        builder.Services.AddSingleton<VisitStore>();
        builder.Services.AddSingleton<ReviewDataStore>();
        builder.Services.AddSingleton<IStaffVisibilityRule, ClusterLeaderStaffVisibilityRule>();
        builder.Services.AddSingleton<NetworkQueries>();
        builder.Services.AddSingleton<NetworkStore>();
        builder.Services.AddCoursesAndBookings(builder.Configuration);
        builder.Services.AddCalendarFeeds(builder.Configuration);
        builder.Services.AddUptake();
        return builder;
    }
}
