using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Endpoints;

/// <summary>
/// One Silo on a clone of the demo county for every test of a class (an xunit class fixture):
/// a Silo start costs seconds, and tests that sign in, read, or write data of their own need
/// no Silo of their own. Sign-ins are allowed a hundred a minute, as every test of the class
/// signs in from loopback.
/// </summary>
public sealed class SharedDemoSilo(PostgresFixture postgres) : IAsyncLifetime
{
    private SiloHost? silo;

    public SiloHost Silo => silo ?? throw new InvalidOperationException("The shared demo Silo has not started.");

    public async Task InitializeAsync() => silo = await SiloHost.StartAsync(await postgres.CreateDemoDatabaseAsync(), loadDemoData: true,
        settings: [new("Auth:SignInAttemptsPerMinute", "100")]);

    public async Task DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }
}
