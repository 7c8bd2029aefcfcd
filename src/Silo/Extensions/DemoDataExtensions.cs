using InclusionNetwork.Silo.Database;
using InclusionNetwork.Silo.DemoData;
using Microsoft.Extensions.Options;

namespace InclusionNetwork.Silo.Extensions;

public static class DemoDataExtensions
{
    public static WebApplicationBuilder AddDemoData(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection("Demo"));
        builder.Services.AddSingleton<DemoDataLoader>();
        builder.Services.AddSingleton<IDemoDataStep, CoursesDemoDataStep>();
        builder.Services.AddSingleton<IDemoDataStep, PeerReviewDemoDataStep>();
        builder.Services.AddSingleton<IDemoDataStep, NetworksDemoDataStep>();
        builder.Services.AddSingleton<IDemoDataStep, UptakeTrendDemoDataStep>();
        return builder;
    }

    /// <summary>
    /// Loads the demo county when <c>Demo:Load</c> says so; by default only on the embedded
    /// database, never on a configured one.
    /// </summary>
    public static async Task LoadDemoDataIfEnabledAsync(this WebApplication app)
    {
        var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (demo.Load ?? database.Embedded)
        {
            await app.Services.GetRequiredService<DemoDataLoader>().LoadAsync(app.Lifetime.ApplicationStopping);
        }
    }
}
