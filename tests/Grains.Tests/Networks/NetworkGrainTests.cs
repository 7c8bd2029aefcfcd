using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Networks;
using InclusionNetwork.Grains.Tests.Support;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Grains.Tests.Networks;

/// <summary>The network grain holds its network and meetings, on a real cluster and database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class NetworkGrainTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly Viewer Admin = new(1, "Admin", "admin@example.test", new HashSet<Role> { Role.ADMIN }, null, null, null);

    [Fact]
    public async Task A_write_from_outside_the_grain_is_caught_by_the_version_check_and_the_rules_run_again_on_the_network_as_stored()
    {
        await using var cluster = await GrainCluster.StartAsync(await postgres.CreateMigratedDatabaseAsync(), new ManualClock(Now), silos: 1);
        long networkId, meetingId;
        await using (var seed = cluster.Database.CreateCommand("""
            WITH n AS (
                INSERT INTO networks (name, kind, created_at, updated_at) VALUES ('SENCO forum', 'SENCO_FORUM', @now, @now) RETURNING id
            )
            INSERT INTO meetings (network_id, title, starts_at, ends_at, created_at, updated_at)
            SELECT id, 'Autumn meeting', @starts, @starts + interval '90 minutes', @now, @now FROM n
            RETURNING network_id, id
            """))
        {
            seed.Parameters.AddWithValue("now", Now);
            seed.Parameters.AddWithValue("starts", Now.AddDays(10));
            await using var reader = await seed.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            (networkId, meetingId) = (reader.GetInt64(0), reader.GetInt64(1));
        }
        var grain = cluster.GrainsOn(cluster.Silos[0]).GetGrain<INetworkGrain>(networkId);
        var added = await grain.ScheduleMeetingAsync(Admin, null, Now.AddDays(20), Now.AddDays(20).AddHours(1), null);
        Assert.Empty(added.Errors);

        // Behind the activation's back, a writer cancels the first meeting and moves the
        // network's version on, as every writer must.
        await using (var outside = cluster.Database.CreateCommand("""
            UPDATE meetings SET cancelled_at = @now, sequence = sequence + 1 WHERE id = @meeting;
            UPDATE networks SET version = version + 1 WHERE id = @network;
            """))
        {
            outside.Parameters.AddWithValue("now", Now);
            outside.Parameters.AddWithValue("meeting", meetingId);
            outside.Parameters.AddWithValue("network", networkId);
            await outside.ExecuteNonQueryAsync();
        }

        // The activation still holds the meeting as open; the write finds the network moved on,
        // reads it again, and the rules refuse to move a cancelled meeting.
        var moved = await grain.MoveMeetingAsync(Admin, meetingId, Now.AddDays(11), Now.AddDays(11).AddHours(1), null);
        var refusal = Assert.Single(moved.Errors);
        Assert.Equal((ErrorCodes.Invalid, "A cancelled meeting cannot be moved."), (refusal.Code, refusal.Message));
        var stored = (await cluster.Service<NetworkQueries>().MeetingAsync(meetingId))!;
        Assert.Equal((Now.AddDays(10), true), (stored.StartsAt, stored.Cancelled));

        // From the network as read again, the next command writes at the stored version.
        var cancelled = await grain.CancelMeetingAsync(Admin, added.Value!.Id);
        Assert.True(Assert.IsType<Meeting>(cancelled.Value).Cancelled);
        await using var version = cluster.Database.CreateCommand("SELECT version FROM networks WHERE id = @network");
        version.Parameters.AddWithValue("network", networkId);
        Assert.Equal(4, await version.ExecuteScalarAsync());
    }
}
