using Microsoft.Extensions.DependencyInjection;

namespace InclusionNetwork.Grains.Uptake;

public static class UptakeServiceCollectionExtensions
{
    /// <summary>
    /// Uptake and impact measures: one query class per measure (set-based SQL, never a loop
    /// over schools or grains) and the tables the CSV report is written from.
    /// </summary>
    public static IServiceCollection AddUptake(this IServiceCollection services)
    {
        services.AddSingleton<PeerReviewUptakeQuery>();
        services.AddSingleton<LeadershipUptakeQuery>();
        services.AddSingleton<TrainingUptakeQuery>();
        services.AddSingleton<EvaluationSummaryQuery>();
        services.AddSingleton<UptakeReports>();
        services.AddSingleton<UptakeAudience>();
        return services;
    }
}
