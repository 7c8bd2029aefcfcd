using System.Globalization;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Web.Tests;

/// <summary>
/// One real Silo with the demo county, on its own throwaway PostgreSQL, shared by the
/// browser journeys (they run one after another; each makes the data it changes). Its mail
/// goes to a real SMTP server started here, which refuses mail for <see cref="RefusedDomain"/>
/// so a journey can watch a message fail. The browser reaches it as
/// http://localhost:&lt;port&gt;: Chromium treats localhost as a secure context, so the Secure
/// session cookie works over plain HTTP there.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    /// <summary>Mail for addresses at this domain is refused (554), so its messages end FAILED.</summary>
    public const string RefusedDomain = "refused.example";

    private readonly PostgresFixture postgres = new();
    private SiloHost? silo;
    private TestSmtpServer? smtp;

    public SiloHost Silo => silo ?? throw new InvalidOperationException("The Silo has not started.");

    public TestSmtpServer Smtp => smtp ?? throw new InvalidOperationException("The SMTP server has not started.");

    public Uri BrowserAddress => new($"http://localhost:{Silo.BaseAddress.Port.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Screenshots land beside the test binaries, one PNG per page.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Browser.EnsureChromium();
        await postgres.InitializeAsync();
        smtp = TestSmtpServer.Start(refusedDomain: RefusedDomain);
        silo = await SiloHost.StartAsync(await postgres.CreateMigratedDatabaseAsync(), loadDemoData: true,
            settings:
            [
                // Every journey signs in from the same loopback address, faster than people do.
                new("Auth:SignInAttemptsPerMinute", "1000"),
                .. smtp.Settings,
                // A refused message is given up quickly, so the outbox page can show it FAILED.
                new("Email:MaxAttempts", "2"),
                new("Email:RetryDelay", "00:00:00.2"),
            ]);
    }

    public async Task DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
        if (smtp is not null)
        {
            await smtp.DisposeAsync();
        }
        await postgres.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "Browser";
}
