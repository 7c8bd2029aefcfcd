using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Bookings;

/// <summary>
/// One <see cref="BookingWorld"/> for every test of a class (an xunit class fixture): a Silo
/// start costs seconds, and tests that only read the demo county, or work on data of their
/// own without moving the clock, need no Silo of their own. Sign-ins are allowed a thousand a
/// minute, as every test of the class signs in from loopback.
/// </summary>
public sealed class SharedBookingWorld(PostgresFixture postgres) : IAsyncLifetime
{
    private BookingWorld? world;

    public BookingWorld World => world ?? throw new InvalidOperationException("The shared booking world has not started.");

    public async Task InitializeAsync() => world = await BookingWorld.StartAsync(postgres,
        settings: [new("Auth:SignInAttemptsPerMinute", "1000")]);

    public async Task DisposeAsync()
    {
        if (world is not null)
        {
            await world.DisposeAsync();
        }
    }
}
