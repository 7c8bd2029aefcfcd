using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Bookings;

/// <summary>
/// One <see cref="BookingWorld"/> for every test of a class (an xunit class fixture): a Silo
/// start costs seconds, and tests that only read the demo county, or work on data of their
/// own without moving the clock, need no Silo of their own. Sign-ins are allowed a thousand a
/// minute, as every test of the class signs in from loopback.
/// </summary>
public sealed class SharedBookingWorld(PostgresFixture postgres) : SharedFixture("booking world")
{
    public BookingWorld World => Started<BookingWorld>();

    protected override async Task<IAsyncDisposable> StartAsync() => await BookingWorld.StartAsync(postgres,
        settings: [new("Auth:SignInAttemptsPerMinute", "1000")]);
}
