using Orleans.Runtime;

namespace InclusionNetwork.Grains.Tests.Cluster;

public sealed partial class OrleansProviderTests
{
    /// <summary>Noon in London, under British Summer Time (UTC+1).</summary>
    private static readonly DateTime SummerNoonInLondon = new(2026, 7, 1, 11, 0, 0, DateTimeKind.Utc);

    /// <summary>Noon in London, under GMT.</summary>
    private static readonly DateTime WinterNoonInLondon = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    private Task<long> EpochSecondsAsync(string sql, string key) =>
        ScalarAsync<long>($"SELECT extract(epoch FROM ({sql}))::bigint", ("key", key));

    private static long EpochSeconds(DateTime utc) => new DateTimeOffset(utc).ToUnixTimeSeconds();

    [Fact]
    public async Task Under_the_Europe_London_time_zone_the_stored_times_are_the_utc_instants_orleans_wrote()
    {
        // Every session of the providers runs under the database's zone, as in production.
        Assert.Equal(OrleansClusterFixture.TimeZone, await ScalarAsync<string>("SHOW TimeZone"));

        var name = "summer-" + Guid.NewGuid().ToString("N")[..8];
        var grain = ProbeGrain(name);
        await UpsertAsync(Reminder(grain, name, SummerNoonInLondon, TimeSpan.FromHours(1)));
        var reminder = await ReadReminderAsync(grain, name);
        Assert.Equal((SummerNoonInLondon, DateTimeKind.Utc), (reminder.StartAt, reminder.StartAt.Kind));
        Assert.Equal(EpochSeconds(SummerNoonInLondon), await EpochSecondsAsync("SELECT StartTime FROM OrleansRemindersTable WHERE ReminderName = @key", name));
        // Shown in the session's zone, the same instant reads as London's local noon.
        Assert.Equal("12:00", await ScalarAsync<string>("SELECT to_char(StartTime, 'HH24:MI') FROM OrleansRemindersTable WHERE ReminderName = @key", ("key", name)));

        var (table, clusterId) = await NewMembershipAsync();
        var member = Member(26001, SiloStatus.Active, SummerNoonInLondon, WinterNoonInLondon);
        await InsertAsync(table, member);
        var (stored, _) = await RowAsync(table, member);
        Assert.Equal((SummerNoonInLondon, WinterNoonInLondon), (stored.StartTime, stored.IAmAliveTime));
        Assert.Equal(EpochSeconds(SummerNoonInLondon), await EpochSecondsAsync("SELECT StartTime FROM OrleansMembershipTable WHERE DeploymentId = @key", clusterId));
        Assert.Equal(EpochSeconds(WinterNoonInLondon), await EpochSecondsAsync("SELECT IAmAliveTime FROM OrleansMembershipTable WHERE DeploymentId = @key", clusterId));

        // A heartbeat in summer time lands on its instant too.
        var heartbeat = SummerNoonInLondon.AddYears(1);
        await table.UpdateIAmAliveAsync(Member(26001, SiloStatus.Active, SummerNoonInLondon, heartbeat));
        Assert.Equal(heartbeat, (await RowAsync(table, member)).Entry.IAmAliveTime);
        Assert.Equal(EpochSeconds(heartbeat), await EpochSecondsAsync("SELECT IAmAliveTime FROM OrleansMembershipTable WHERE DeploymentId = @key", clusterId));
    }
}
