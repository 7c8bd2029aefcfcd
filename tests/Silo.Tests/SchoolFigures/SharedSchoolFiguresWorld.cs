using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.SchoolFigures;

/// <summary>
/// One <see cref="SchoolFiguresWorld"/> for every test of a class (an xunit class fixture):
/// a Silo start costs seconds, and tests that only read the county's figures need no Silo of
/// their own.
/// </summary>
public sealed class SharedSchoolFiguresWorld(PostgresFixture postgres) : IAsyncLifetime
{
    private SchoolFiguresWorld? world;

    internal SchoolFiguresWorld World => world ?? throw new InvalidOperationException("The shared school figures world has not started.");

    public async Task InitializeAsync() => world = await SchoolFiguresWorld.StartAsync(postgres);

    public async Task DisposeAsync()
    {
        if (world is not null)
        {
            await world.DisposeAsync();
        }
    }
}
