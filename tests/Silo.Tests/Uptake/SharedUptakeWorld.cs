using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Uptake;

/// <summary>
/// One <see cref="UptakeWorld"/> for every test of a class (an xunit class fixture): a Silo
/// start costs seconds, and tests that only read the county's figures need no Silo of their
/// own. A test that writes starts a world of its own instead.
/// </summary>
public sealed class SharedUptakeWorld(PostgresFixture postgres) : IAsyncLifetime
{
    private UptakeWorld? world;

    internal UptakeWorld World => world ?? throw new InvalidOperationException("The shared uptake world has not started.");

    public async Task InitializeAsync() => world = await UptakeWorld.StartAsync(postgres);

    public async Task DisposeAsync()
    {
        if (world is not null)
        {
            await world.DisposeAsync();
        }
    }
}
