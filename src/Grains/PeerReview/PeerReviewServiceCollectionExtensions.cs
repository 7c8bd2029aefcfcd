using InclusionNetwork.Grains.Leaders;
using InclusionNetwork.Grains.Networks;
using InclusionNetwork.Grains.Schools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionNetwork.Grains.PeerReview;

public static class PeerReviewServiceCollectionExtensions
{
    /// <summary>
    /// Peer review and networks: the stores and queries of clusters, cycles, visits and
    /// meetings, the timings (section <c>PeerReview</c>), and the rule that lets a cluster's
    /// leader see its schools' staff. The grains are picked up with the assembly's others.
    /// </summary>
    public static IServiceCollection AddPeerReviewAndNetworks(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PeerReviewOptions>(configuration.GetSection("PeerReview"));
        services.AddSingleton<LeaderQueries>();
        services.AddSingleton<LeaderStore>();
        services.AddSingleton<PeerReviewQueries>();
        services.AddSingleton<ClusterPrioritiesQuery>();
        services.AddSingleton<ClusterStore>();
        services.AddSingleton<VisitStore>();
        services.AddSingleton<VisitNotices>();
        services.AddSingleton<Calendars.VisitAndMeetingInvitations>();
        services.AddSingleton<ReviewDataStore>();
        services.AddSingleton<TermDates.TermDatesStore>();
        services.AddSingleton<IStaffVisibilityRule, ClusterLeaderStaffVisibilityRule>();
        services.AddSingleton<NetworkQueries>();
        services.AddSingleton<NetworkStore>();
        services.AddSingleton<MeetingNotices>();
        services.AddSingleton<NetworkOrganisers>();
        return services;
    }
}
