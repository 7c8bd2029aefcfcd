using InclusionNetwork.Grains.Schools;

namespace InclusionNetwork.Silo.Extensions;

public static class DomainExtensions
{
    /// <summary>The domain's services; time comes from one injected clock so tests can move it.</summary>
    public static WebApplicationBuilder AddDomain(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SchoolImporter>();
        return builder;
    }
}
