using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace InclusionNetwork.Silo.Extensions;

public static class ForwardedHeadersExtensions
{
    /// <summary>
    /// Behind a TLS-terminating proxy the connection is plain HTTP from the proxy, so the app
    /// learns the client's address and scheme only from <c>X-Forwarded-For</c> and
    /// <c>X-Forwarded-Proto</c>. Those headers are believed only from the proxies listed in
    /// <c>App:TrustedProxies</c> (addresses or networks such as <c>10.0.0.0/8</c>; a list, or
    /// one comma-separated value); with none listed they are ignored, since anyone could send
    /// them. The scheme decides HSTS (<see cref="Security.SecurityHeaders"/>); the address is
    /// what sign-in throttling counts.
    /// </summary>
    public static WebApplicationBuilder AddForwardedHeaders(this WebApplicationBuilder builder)
    {
        var trusted = TrustedProxies(builder.Configuration);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only what the operator listed is trusted here.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var network in trusted)
            {
                options.KnownIPNetworks.Add(network);
            }
            // Chains of trusted proxies are followed back to the first address not in the list.
            options.ForwardLimit = null;
        });
        return builder;
    }

    public static WebApplication UseTrustedForwardedHeaders(this WebApplication app)
    {
        // With no proxy listed the middleware is left out altogether: given empty lists it
        // would believe the headers from anyone.
        if (TrustedProxies(app.Configuration).Count > 0)
        {
            app.UseForwardedHeaders();
        }
        return app;
    }

    internal static IReadOnlyList<System.Net.IPNetwork> TrustedProxies(IConfiguration configuration)
    {
        var section = configuration.GetSection("App:TrustedProxies");
        var entries = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in entries.SelectMany(e => e.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (System.Net.IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                networks.Add(new System.Net.IPNetwork(address, address.GetAddressBytes().Length * 8));
            }
            else
            {
                throw new StartupConfigurationException(
                    $"App:TrustedProxies has \"{entry}\", which is neither an IP address nor a network like 10.0.0.0/8.");
            }
        }
        return networks;
    }
}
