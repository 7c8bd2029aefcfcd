using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionNetwork.Grains.Accounts;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>Erasure (by an admin, and by the retention grain) and how long personal data is kept (section <c>Privacy</c>).</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PersonErasure>();
        services.Configure<PrivacyOptions>(configuration.GetSection("Privacy"));
        return services;
    }
}
