using Microsoft.Extensions.DependencyInjection;

namespace InclusionNetwork.Grains.Uptake;

public static class SchoolUptakeServiceCollectionExtensions
{
    /// <summary>A school's own figures beside its district's and the county's (built on the uptake measures).</summary>
    public static IServiceCollection AddSchoolUptake(this IServiceCollection services)
    {
        services.AddSingleton<SchoolUptakeQuery>();
        return services;
    }
}
