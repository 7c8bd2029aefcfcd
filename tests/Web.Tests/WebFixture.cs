using System.Globalization;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Web.Tests;

/// <summary>
/// One real Silo with the demo county, on its own throwaway PostgreSQL, shared by the
/// browser journeys (they run one after another; each makes the data it changes). The
/// browser reaches it as http://localhost:&lt;port&gt;: Chromium treats localhost as a
/// secure context, so the Secure session cookie works over plain HTTP there.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    private readonly PostgresFixture postgres = new();
    private SiloHost? silo;

    public SiloHost Silo => silo ?? throw new InvalidOperationException("The Silo has not started.");

    public Uri BrowserAddress => new($"http://localhost:{Silo.BaseAddress.Port.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Screenshots land beside the test binaries, one PNG per page.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Browser.EnsureChromium();
        await postgres.InitializeAsync();
        // Every journey signs in from the same loopback address, faster than people do.
        silo = await SiloHost.StartAsync(await postgres.CreateMigratedDatabaseAsync(), loadDemoData: true,
            settings: [new("Auth:SignInAttemptsPerMinute", "1000")]);
    }

    public async Task DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
        await postgres.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "Browser";
}
