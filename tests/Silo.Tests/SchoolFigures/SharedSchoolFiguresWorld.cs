using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.SchoolFigures;

/// <summary>
/// One <see cref="SchoolFiguresWorld"/> for every test of a class (an xunit class fixture):
/// a Silo start costs seconds, and tests that only read the county's figures need no Silo of
/// their own.
/// </summary>
public sealed class SharedSchoolFiguresWorld(PostgresFixture postgres) : SharedFixture("school figures world")
{
    internal SchoolFiguresWorld World => Started<SchoolFiguresWorld>();

    protected override async Task<IAsyncDisposable> StartAsync() => await SchoolFiguresWorld.StartAsync(postgres);
}
