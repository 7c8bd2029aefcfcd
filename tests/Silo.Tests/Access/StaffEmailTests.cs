using InclusionNetwork.Silo.Tests.Bookings;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Access;

/// <summary>
/// A staff email is unique within its school only: adding staff tells a school nothing about
/// other schools' staff, and no school can block an address for another.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StaffEmailTests(PostgresFixture postgres) : IAsyncLifetime
{
    private BookingWorld world = null!;

    public async Task InitializeAsync() => world = await BookingWorld.StartAsync(postgres);

    public async Task DisposeAsync() => await world.DisposeAsync();

    private const string Add = """
        mutation($urn: ID!, $email: String) {
          addStaff(input: { schoolUrn: $urn, name: "Sam Shared", email: $email, role: SENCO }) { staff { id email school { urn } } errors { code message } }
        }
        """;

    [Fact]
    public async Task Two_schools_may_each_have_the_same_person_and_only_a_schools_own_duplicate_clashes()
    {
        var urns = await world.SchoolsAsync(2);
        var first = await world.BookerAsync(urns[0]);
        var second = await world.BookerAsync(urns[1]);
        // An address already on the first school's staff (a demo member of staff).
        var existing = await world.ScalarAsync<string>("SELECT email FROM staff WHERE school_urn = @urn AND email IS NOT NULL AND removed_at IS NULL ORDER BY id LIMIT 1",
            ("urn", urns[0]));

        // The first school adds someone new; the second school adds the same person, and the first school's existing member too.
        Assert.Empty((await first.GraphQLAsync(Add, new { urn = urns[0], email = "sam.shared@federation.example" })).UserErrorCodes("addStaff"));
        var shared = await second.GraphQLAsync(Add, new { urn = urns[1], email = "Sam.Shared@federation.example" });
        Assert.Empty(shared.UserErrorCodes("addStaff"));
        Assert.Equal(urns[1], shared.Get("addStaff.staff.school.urn").GetString());
        Assert.Empty((await second.GraphQLAsync(Add, new { urn = urns[1], email = existing.ToUpperInvariant() })).UserErrorCodes("addStaff"));

        // Within one school an address is still unique, and the message speaks of that school only.
        var again = await second.GraphQLAsync(Add, new { urn = urns[1], email = "sam.shared@federation.example" });
        Assert.Equal(["CLASH"], again.UserErrorCodes("addStaff"));
        Assert.Contains("this school's staff", again.Get("addStaff.errors.0.message").GetString());

        Assert.Equal(2, await world.ScalarAsync<long>("SELECT count(*) FROM staff WHERE lower(email) = 'sam.shared@federation.example' AND removed_at IS NULL"));
    }
}
