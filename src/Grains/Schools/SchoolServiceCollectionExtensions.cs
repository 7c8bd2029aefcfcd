using InclusionNetwork.Grains.Places;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionNetwork.Grains.Schools;

public static class SchoolServiceCollectionExtensions
{
    /// <summary>Places and schools: the importer, the queries, the store the school grain writes through, and who may see a school's staff.</summary>
    public static IServiceCollection AddSchoolsAndPlaces(this IServiceCollection services)
    {
        services.AddSingleton<SchoolImporter>();
        services.AddSingleton<SchoolQueries>();
        services.AddSingleton<SchoolStore>();
        services.AddSingleton<PlacesDirectory>();
        services.AddSingleton<StaffVisibility>();
        return services;
    }
}
