using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Security;

/// <summary>
/// One Silo on a migrated database, its county named, with no proxy trusted, for every test of a
/// class (an xunit class fixture): tests that only send requests need no Silo of their own,
/// and a Silo start costs seconds.
/// </summary>
public sealed class SharedCountySilo(PostgresFixture postgres) : IAsyncLifetime
{
    public const string CountyName = "Testshire County Council";

    private SiloHost? silo;

    public SiloHost Silo => silo ?? throw new InvalidOperationException("The shared Silo has not started.");

    public async Task InitializeAsync() => silo = await SiloHost.StartAsync(await postgres.CreateMigratedDatabaseAsync(),
        settings: [new("App:CountyName", CountyName)]);

    public async Task DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }
}
