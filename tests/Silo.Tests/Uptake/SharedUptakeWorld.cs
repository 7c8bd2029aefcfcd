using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Uptake;

/// <summary>
/// One <see cref="UptakeWorld"/> for every test of a class (an xunit class fixture): a Silo
/// start costs seconds, and tests that only read the county's figures need no Silo of their
/// own. A test that writes starts a world of its own instead.
/// </summary>
public sealed class SharedUptakeWorld(PostgresFixture postgres) : SharedFixture("uptake world")
{
    internal UptakeWorld World => Started<UptakeWorld>();

    protected override async Task<IAsyncDisposable> StartAsync() => await UptakeWorld.StartAsync(postgres);
}
