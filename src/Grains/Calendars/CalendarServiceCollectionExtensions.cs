using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InclusionNetwork.Grains.Calendars;

public static class CalendarServiceCollectionExtensions
{
    /// <summary>
    /// Calendar feeds: options from <c>Calendar</c> and <c>App:PublicBaseUrl</c>, the feed key
    /// (configured, or kept in <c>calendar-feed.key</c> beside the embedded database's data
    /// directory), and the queries that render feeds.
    /// </summary>
    public static IServiceCollection AddCalendarFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CalendarFeedOptions>(configuration.GetSection("Calendar"));
        services.PostConfigure<CalendarFeedOptions>(options =>
        {
            options.PublicBaseUrl = configuration["App:PublicBaseUrl"] ?? options.PublicBaseUrl;
            if (configuration["Calendar:KeyFile"] is null)
            {
                var dataDirectory = configuration["Postgres:Embedded:DataDirectory"] ?? Path.Combine(".data", "postgres");
                options.KeyFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataDirectory))!, "calendar-feed.key");
            }
        });
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<CalendarFeedOptions>>().Value;
            return FeedKey.Resolve(options.FeedKey, options.KeyFile, provider.GetRequiredService<ILogger<FeedKey>>());
        });
        services.AddSingleton<FeedLinks>();
        services.AddSingleton<FeedAccess>();
        services.AddSingleton<FeedNames>();
        services.AddSingleton<CalendarFeedStore>();
        services.AddSingleton<BookingFeedQuery>();
        services.AddSingleton<VisitFeedQuery>();
        services.AddSingleton<MeetingFeedQuery>();
        services.AddSingleton<CalendarFeedRenderer>();
        services.AddSingleton<FeedChanges>();
        services.AddSingleton<FeedChangeListener>();
        services.AddHostedService(provider => provider.GetRequiredService<FeedChangeListener>());
        services.AddSingleton<CalendarFeedServer>();
        services.AddSingleton<CalendarDownloads>();
        return services;
    }
}
