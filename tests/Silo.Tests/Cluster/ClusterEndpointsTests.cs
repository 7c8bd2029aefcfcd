using System.Net;
using System.Text.Json;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Cluster;

/// <summary>The Silo as a cluster member: readiness and the Orleans Dashboard, over real HTTP.</summary>
[Collection(PostgresCollection.Second)]
public sealed class ClusterEndpointsTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_started_silo_is_ready_as_an_active_member_of_the_cluster_kept_in_its_database()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        await using var silo = await SiloHost.StartAsync(database);
        using var client = silo.CreateClient();

        var ready = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        await using var db = Npgsql.NpgsqlDataSource.Create(database);
        await using var members = db.CreateCommand("SELECT count(*) FROM orleansmembershiptable WHERE status = 3");
        Assert.Equal(1L, await members.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_orleans_dashboard_is_for_admins_only()
    {
        await using var silo = await SiloHost.StartAsync(await postgres.CreateDemoDatabaseAsync(), loadDemoData: true);
        using var anonymous = silo.CreateClient();
        using var commissioner = await silo.SignInAsync("commissioner@demo.test");
        using var admin = await silo.SignInAsync("admin@demo.test");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/admin/orleans/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync("/admin/orleans/")).StatusCode);
        var page = await admin.GetAsync("/admin/orleans/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("html", page.Content.Headers.ContentType?.MediaType ?? "", StringComparison.OrdinalIgnoreCase);
    }
}
