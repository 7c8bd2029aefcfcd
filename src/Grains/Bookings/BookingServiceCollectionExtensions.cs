using InclusionNetwork.Grains.Calendars;
using InclusionNetwork.Grains.Courses;
using InclusionNetwork.Grains.Messages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InclusionNetwork.Grains.Bookings;

public static class BookingServiceCollectionExtensions
{
    /// <summary>
    /// The directory and the booking lifecycle: query classes (reads straight from SQL), the
    /// run store the run grain writes through, and the booking policy (section <c>Bookings</c>).
    /// The grains themselves are picked up with the assembly's other grains.
    /// </summary>
    public static IServiceCollection AddCoursesAndBookings(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BookingOptions>(configuration.GetSection("Bookings"));
        services.AddSingleton<CourseQueries>();
        services.AddSingleton<RecommendedCoursesQuery>();
        services.AddSingleton<CourseFeedbackQuery>();
        services.AddSingleton<CourseStore>();
        services.AddSingleton<CourseRunQueries>();
        services.AddSingleton<BookingQueries>();
        services.AddSingleton<CourseRunStore>();
        // What the run grain tells people; the outbox and feed query may be registered already.
        services.TryAddSingleton<Outbox>();
        services.TryAddSingleton<EmailComposer>();
        services.TryAddSingleton<BookingFeedQuery>();
        services.AddSingleton<BookingNotifications>();
        services.Configure<CourseReminderOptions>(configuration.GetSection("Notifications"));
        services.AddSingleton<CourseRunMilestones>();
        return services;
    }
}
