using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Endpoints;

/// <summary>
/// One Silo on a clone of the demo county for every test of a class (an xunit class fixture):
/// a Silo start costs seconds, and tests that sign in, read, or write data of their own need
/// no Silo of their own. Sign-ins are allowed a hundred a minute, as every test of the class
/// signs in from loopback.
/// </summary>
public sealed class SharedDemoSilo(PostgresFixture postgres) : SharedFixture("demo Silo")
{
    public SiloHost Silo => Started<SiloHost>();

    protected override async Task<IAsyncDisposable> StartAsync() => await SiloHost.StartAsync(await postgres.CreateDemoDatabaseAsync(), loadDemoData: true,
        settings: [new("Auth:SignInAttemptsPerMinute", "100")]);
}
