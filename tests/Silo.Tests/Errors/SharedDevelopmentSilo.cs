using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Errors;

/// <summary>
/// One Silo in the Development environment (where ASP.NET Core would show its exception page)
/// for every test of a class (an xunit class fixture): each test sends a request of its own as
/// an account of its own, and a Silo start costs seconds.
/// </summary>
public sealed class SharedDevelopmentSilo(PostgresFixture postgres) : SharedFixture("Development Silo")
{
    public SiloHost Silo => Started<SiloHost>();

    protected override async Task<IAsyncDisposable> StartAsync() => await StartAsync(await postgres.CreateMigratedDatabaseAsync());

    /// <summary>A Silo in Development on the given database.</summary>
    public static Task<SiloHost> StartAsync(string connectionString) =>
        SiloHost.StartAsync(connectionString, settings: [new("environment", "Development")]);
}
