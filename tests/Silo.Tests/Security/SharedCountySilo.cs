using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Security;

/// <summary>
/// One Silo on a migrated database, its county named, with no proxy trusted, for every test of a
/// class (an xunit class fixture): tests that only send requests need no Silo of their own,
/// and a Silo start costs seconds.
/// </summary>
public sealed class SharedCountySilo(PostgresFixture postgres) : SharedFixture("Silo")
{
    public const string CountyName = "Testshire County Council";

    public SiloHost Silo => Started<SiloHost>();

    protected override async Task<IAsyncDisposable> StartAsync() => await SiloHost.StartAsync(await postgres.CreateMigratedDatabaseAsync(),
        settings: [new("App:CountyName", CountyName)]);
}
