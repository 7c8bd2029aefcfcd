using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Runtime.Membership;

namespace InclusionNetwork.Grains.Tests.Cluster;

public sealed partial class OrleansProviderTests
{
    private static readonly DateTime Started = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);

    private static MembershipEntry Member(int port, SiloStatus status, DateTime startTime, DateTime? iAmAliveTime = null, int proxyPort = 0, int generation = 1) => new()
    {
        SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), generation),
        Status = status,
        SiloName = $"silo-{port}",
        HostName = "test-host",
        ProxyPort = proxyPort,
        StartTime = startTime,
        IAmAliveTime = iAmAliveTime ?? startTime,
        SuspectTimes = [],
    };

    /// <summary>The clustering provider for a fresh cluster id, with its version row created.</summary>
    private async Task<IMembershipTable> NewMembershipTableAsync(string? connectionString = null) =>
        (await NewMembershipAsync(connectionString)).Table;

    private async Task<(IMembershipTable Table, string ClusterId)> NewMembershipAsync(string? connectionString = null)
    {
        var clusterId = "members-" + Guid.NewGuid().ToString("N")[..8];
        return (await OrleansSilo.MembershipTableAsync(cluster.Silo.Services, connectionString ?? cluster.ConnectionString, clusterId), clusterId);
    }

    private static async Task InsertAsync(IMembershipTable table, MembershipEntry entry, params Tuple<SiloAddress, DateTime>[] votes)
    {
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        if (votes.Length > 0)
        {
            var (_, etag) = await RowAsync(table, entry);
            entry.SuspectTimes = [.. votes];
            Assert.True(await table.UpdateRowAsync(entry, etag, (await table.ReadAllAsync()).Version.Next()));
        }
    }

    private static async Task<(MembershipEntry Entry, string ETag)> RowAsync(IMembershipTable table, MembershipEntry entry)
    {
        var row = Assert.Single((await table.ReadRowAsync(entry.SiloAddress)).Members);
        return (row.Item1, row.Item2);
    }

    [Fact]
    public async Task A_silo_starts_on_the_migration_alone_and_a_client_finds_its_gateway()
    {
        var table = cluster.Silo.Services.GetRequiredService<IMembershipTable>();
        var self = cluster.Silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

        var row = await EventuallyAsync(
            async () => (await table.ReadAllAsync()).Members.Select(m => m.Item1).SingleOrDefault(m => m.SiloAddress.Equals(self)),
            m => m?.Status == SiloStatus.Active, "the silo's row to be Active");
        Assert.True(row!.ProxyPort > 0);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o => { o.ClusterId = cluster.ClusterId; o.ServiceId = cluster.ServiceId; })
            .UseAdoNetClustering(o => { o.Invariant = OrleansSilo.Invariant; o.ConnectionString = cluster.ConnectionString; }));
        using var clientHost = builder.Build();
        // The client finds the silo's gateway through GatewaysQueryKey, or fails to start.
        await clientHost.StartAsync();
        var management = clientHost.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
        var hosts = await management.GetHosts(onlyActive: true);
        Assert.Equal(SiloStatus.Active, hosts[self]);
        await clientHost.StopAsync();
    }

    [Fact]
    public async Task A_second_silo_joins_the_running_cluster_and_ends_dead_when_it_leaves()
    {
        var table = cluster.Silo.Services.GetRequiredService<IMembershipTable>();
        var before = (await table.ReadAllAsync()).Version.Version;

        // A second start finds the version row already there, which must not fail it.
        using var second = await OrleansSilo.StartAsync(cluster.ConnectionString, cluster.ClusterId, cluster.ServiceId);
        var secondAddress = second.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        await EventuallyAsync(
            async () => (await table.ReadAllAsync()).Members.Count(m => m.Item1.Status == SiloStatus.Active),
            active => active == 2, "both silos to be Active");

        await second.StopAsync();

        var left = await EventuallyAsync(
            async () => (await table.ReadRowAsync(secondAddress)).Members.Single().Item1.Status,
            status => status == SiloStatus.Dead, "the stopped silo's row to be Dead");
        Assert.Equal(SiloStatus.Dead, left);
        // Joining, Active, ShuttingDown and Dead are at least four versioned writes.
        Assert.True((await table.ReadAllAsync()).Version.Version >= before + 4);
    }

    [Fact]
    public async Task An_empty_cluster_reads_as_version_zero_and_each_write_raises_the_version_by_exactly_one()
    {
        var table = await NewMembershipTableAsync();
        var empty = await table.ReadAllAsync();
        Assert.Equal(0, empty.Version.Version);
        Assert.Empty(empty.Members);

        var joining = Member(20001, SiloStatus.Joining, Started, proxyPort: 30001);
        Assert.True(await table.InsertRowAsync(joining, empty.Version.Next()));
        var afterInsert = await table.ReadAllAsync();
        Assert.Equal(1, afterInsert.Version.Version);
        var (stored, etag) = Assert.Single(afterInsert.Members);
        Assert.Equal(SiloStatus.Joining, stored.Status);
        Assert.Equal((Started, Started, 30001, "silo-20001", "test-host"), (stored.StartTime, stored.IAmAliveTime, stored.ProxyPort, stored.SiloName, stored.HostName));
        Assert.Empty(stored.SuspectTimes ?? []);

        var active = Member(20001, SiloStatus.Active, Started, Started.AddSeconds(5), proxyPort: 30001);
        Assert.True(await table.UpdateRowAsync(active, etag, afterInsert.Version.Next()));
        var afterUpdate = await table.ReadAllAsync();
        Assert.Equal(2, afterUpdate.Version.Version);
        Assert.Equal(SiloStatus.Active, afterUpdate.Members.Single().Item1.Status);
        Assert.Equal(Started.AddSeconds(5), afterUpdate.Members.Single().Item1.IAmAliveTime);

        // A vote is stored and read back as written.
        var voter = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 20002), 7);
        var suspected = Member(20001, SiloStatus.Active, Started, Started.AddSeconds(5), proxyPort: 30001);
        suspected.SuspectTimes = [Tuple.Create(voter, Started.AddSeconds(40))];
        Assert.True(await table.UpdateRowAsync(suspected, afterUpdate.Members.Single().Item2, afterUpdate.Version.Next()));
        var (voted, votedETag) = await RowAsync(table, suspected);
        var vote = Assert.Single(voted.SuspectTimes ?? []);
        Assert.Equal((voter, Started.AddSeconds(40)), (vote.Item1, vote.Item2));
        Assert.Equal(3, (await table.ReadAllAsync()).Version.Version);

        // Inserting a row that exists, or updating with a version already used, changes nothing.
        var current = await table.ReadAllAsync();
        Assert.False(await table.InsertRowAsync(Member(20001, SiloStatus.Joining, Started), current.Version.Next()));
        Assert.False(await table.UpdateRowAsync(Member(20001, SiloStatus.Dead, Started), votedETag, afterUpdate.Version.Next()));
        // Updating a row that is not there fails and leaves the version alone.
        Assert.False(await table.UpdateRowAsync(Member(20009, SiloStatus.Dead, Started), votedETag, current.Version.Next()));
        var after = await table.ReadAllAsync();
        Assert.Equal(3, after.Version.Version);
        Assert.Equal(SiloStatus.Active, Assert.Single(after.Members).Item1.Status);
        Assert.Single(after.Members.Single().Item1.SuspectTimes ?? []);
    }

    [Fact]
    public async Task Of_two_writes_with_the_same_expected_version_exactly_one_succeeds_and_the_other_changes_nothing()
    {
        var table = await NewMembershipTableAsync();
        for (var round = 0; round < 10; round++)
        {
            var read = await table.ReadAllAsync();
            var first = Member(21000 + 2 * round, SiloStatus.Joining, Started);
            var second = Member(21001 + 2 * round, SiloStatus.Joining, Started);

            var inserted = await Task.WhenAll(
                Task.Run(() => table.InsertRowAsync(first, read.Version.Next())),
                Task.Run(() => table.InsertRowAsync(second, read.Version.Next())));

            Assert.Single(inserted, ok => ok);
            var afterInsert = await table.ReadAllAsync();
            Assert.Equal(read.Version.Version + 1, afterInsert.Version.Version);
            Assert.Equal(round + 1, afterInsert.Members.Count);

            var winner = inserted[0] ? first : second;
            var etag = (await RowAsync(table, winner)).ETag;
            var toActive = Member(winner.SiloAddress.Endpoint.Port, SiloStatus.Active, Started);
            var toDead = Member(winner.SiloAddress.Endpoint.Port, SiloStatus.Dead, Started);
            var updated = await Task.WhenAll(
                Task.Run(() => table.UpdateRowAsync(toActive, etag, afterInsert.Version.Next())),
                Task.Run(() => table.UpdateRowAsync(toDead, etag, afterInsert.Version.Next())));

            Assert.Single(updated, ok => ok);
            var afterUpdate = await table.ReadAllAsync();
            Assert.Equal(afterInsert.Version.Version + 1, afterUpdate.Version.Version);
            Assert.Equal(updated[0] ? SiloStatus.Active : SiloStatus.Dead, (await RowAsync(table, winner)).Entry.Status);
        }
    }

    [Fact]
    public async Task A_heartbeat_moves_only_its_rows_alive_time_forwards_and_leaves_the_version()
    {
        var table = await NewMembershipTableAsync();
        var read = await table.ReadAllAsync();
        var member = Member(22001, SiloStatus.Active, Started);
        var other = Member(22002, SiloStatus.Active, Started);
        Assert.True(await table.InsertRowAsync(member, read.Version.Next()));
        Assert.True(await table.InsertRowAsync(other, (await table.ReadAllAsync()).Version.Next()));
        var version = (await table.ReadAllAsync()).Version.Version;

        await table.UpdateIAmAliveAsync(Member(22001, SiloStatus.Active, Started, Started.AddMinutes(1)));
        Assert.Equal(Started.AddMinutes(1), (await RowAsync(table, member)).Entry.IAmAliveTime);
        Assert.Equal(Started, (await RowAsync(table, other)).Entry.IAmAliveTime);

        // A late, older heartbeat does not move it back; one for a missing row does nothing.
        await table.UpdateIAmAliveAsync(Member(22001, SiloStatus.Active, Started, Started.AddSeconds(30)));
        await table.UpdateIAmAliveAsync(Member(22003, SiloStatus.Active, Started, Started.AddMinutes(5)));
        var after = await table.ReadAllAsync();
        Assert.Equal(Started.AddMinutes(1), (await RowAsync(table, member)).Entry.IAmAliveTime);
        Assert.Equal(version, after.Version.Version);
        Assert.Equal(2, after.Members.Count);
    }

    [Fact]
    public async Task The_gateway_list_holds_only_active_silos_that_run_a_gateway()
    {
        var (table, clusterId) = await NewMembershipAsync();
        await InsertAsync(table, Member(23001, SiloStatus.Active, Started, proxyPort: 31001));
        await InsertAsync(table, Member(23002, SiloStatus.Active, Started, proxyPort: 0));
        await InsertAsync(table, Member(23003, SiloStatus.Joining, Started, proxyPort: 31003));
        await InsertAsync(table, Member(23004, SiloStatus.Dead, Started, proxyPort: 31004));
        await InsertAsync(table, Member(23005, SiloStatus.ShuttingDown, Started, proxyPort: 31005));

        var provider = new AdoNetGatewayListProvider(
            NullLogger<AdoNetGatewayListProvider>.Instance,
            cluster.Silo.Services,
            Options.Create(new AdoNetClusteringClientOptions { Invariant = OrleansSilo.Invariant, ConnectionString = cluster.ConnectionString }),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = clusterId }));
        await provider.InitializeGatewayListProvider();
        var gateways = await provider.GetGateways();

        Assert.Equal(31001, Assert.Single(gateways).Port);
    }

    /// <summary>
    /// Rows of one cluster for cleanup with a cutoff a day after <see cref="Started"/>:
    /// which go depends on the status, the times and the votes.
    /// </summary>
    private static async Task<DateTime> InsertCleanupCandidatesAsync(IMembershipTable table)
    {
        var cutoff = Started.AddDays(1);
        var voter = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 24999), 1);
        await InsertAsync(table, Member(24001, SiloStatus.Dead, Started, Started.AddHours(1)));
        await InsertAsync(table, Member(24002, SiloStatus.Dead, Started, Started.AddHours(1)), Tuple.Create(voter, Started.AddHours(2)));
        await InsertAsync(table, Member(24003, SiloStatus.Dead, Started, Started.AddHours(1)), Tuple.Create(voter, cutoff.AddHours(1)));
        await InsertAsync(table, Member(24004, SiloStatus.Active, Started, Started.AddHours(1)));
        await InsertAsync(table, Member(24005, SiloStatus.Dead, Started, cutoff.AddHours(1)));
        await InsertAsync(table, Member(24006, SiloStatus.ShuttingDown, Started, Started.AddHours(1)));
        await InsertAsync(table, Member(24007, SiloStatus.Dead, cutoff.AddHours(1), cutoff.AddHours(1)));
        return cutoff;
    }

    private static async Task<int[]> PortsAsync(IMembershipTable table) =>
        [.. (await table.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress.Endpoint.Port).Order()];

    [Fact]
    public async Task Cleanup_with_the_single_row_text_removes_dead_rows_whose_times_and_votes_are_all_before_the_cutoff()
    {
        var table = await NewMembershipTableAsync();
        var cutoff = await InsertCleanupCandidatesAsync(table);
        var version = (await table.ReadAllAsync()).Version.Version;

        await table.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(cutoff));

        // 24001 (dead, old) and 24002 (dead, old vote) go; a recent vote, a live status, a
        // recent heartbeat or a recent start keeps a row.
        var remaining = await PortsAsync(table);
        Assert.Equal([24003, 24004, 24005, 24006, 24007], remaining);
        Assert.Equal(version, (await table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task Cleanup_without_the_optional_text_removes_only_old_dead_rows_without_votes()
    {
        var connectionString = await OrleansClusterFixture.CreateDatabaseAsync(cluster.Postgres);
        await ExecuteAsync(connectionString, "DELETE FROM OrleansQuery WHERE QueryKey = 'CleanupDefunctSiloEntryKey'");
        var table = await NewMembershipTableAsync(connectionString);
        var cutoff = await InsertCleanupCandidatesAsync(table);
        var version = (await table.ReadAllAsync()).Version.Version;

        await table.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(cutoff));

        // The bulk text cannot read vote times, so a dead row with votes waits for the
        // single-row text; everything else is decided as above.
        var remaining = await PortsAsync(table);
        Assert.Equal([24002, 24003, 24004, 24005, 24006, 24007], remaining);
        Assert.Equal(version, (await table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task A_missing_required_query_stops_the_clustering_provider_naming_the_key()
    {
        var connectionString = await OrleansClusterFixture.CreateDatabaseAsync(cluster.Postgres);
        await ExecuteAsync(connectionString, "DELETE FROM OrleansQuery WHERE QueryKey = 'GatewaysQueryKey'");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => NewMembershipTableAsync(connectionString));

        Assert.Contains("Missing are", error.ToString());
        Assert.Contains("GatewaysQueryKey", error.ToString());
    }

    [Fact]
    public async Task Deleting_a_clusters_entries_removes_its_members_and_its_version_row_only()
    {
        var (table, clusterId) = await NewMembershipAsync();
        var (otherTable, otherClusterId) = await NewMembershipAsync();
        await InsertAsync(table, Member(25001, SiloStatus.Active, Started));
        await InsertAsync(table, Member(25002, SiloStatus.Dead, Started));
        await InsertAsync(otherTable, Member(25001, SiloStatus.Active, Started));

        await table.DeleteMembershipTableEntriesAsync(clusterId);

        var remaining = await ScalarAsync<long>(
            "SELECT (SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = @id) + (SELECT count(*) FROM OrleansMembershipVersionTable WHERE DeploymentId = @id)",
            ("id", clusterId));
        Assert.Equal(0, remaining);
        Assert.Single((await otherTable.ReadAllAsync()).Members);
        Assert.Equal(otherClusterId, await ScalarAsync<string>("SELECT DeploymentId FROM OrleansMembershipVersionTable WHERE DeploymentId = @id", ("id", otherClusterId)));
    }
}
