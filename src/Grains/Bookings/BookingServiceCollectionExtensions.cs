using InclusionNetwork.Grains.Courses;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
        return services;
    }
}
