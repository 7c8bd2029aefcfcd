using System.Net;
using System.Net.Http.Json;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InclusionNetwork.Silo.Tests.DemoData;

[Collection(PostgresCollection.Name)]
public sealed class DemoDataLoaderTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_demo_accounts_are_exactly_those_the_contract_lists()
    {
        await using var silo = await SiloHost.StartAsync(await postgres.CreateDemoDatabaseAsync(), loadDemoData: true);
        var dataSource = silo.Services.GetRequiredService<NpgsqlDataSource>();

        var unexpected = await ScalarAsync<long>(dataSource, """
            SELECT count(*) FROM accounts a JOIN account_roles r ON r.account_id = a.id WHERE NOT (
                (a.email = 'admin@demo.test' AND r.role = 'ADMIN') OR
                (a.email = 'commissioner@demo.test' AND r.role = 'COMMISSIONER') OR
                (a.email = 'provider@demo.test' AND r.role = 'PROVIDER') OR
                (a.email ~ '^leader([1-9]|10)@demo\.test$' AND r.role = 'LEADER' AND a.leader_id IS NOT NULL) OR
                (a.email = 'booker.' || a.school_urn || '@demo.test' AND r.role = 'SCHOOL_BOOKER') OR
                (a.email = 'staff.' || a.staff_id || '@demo.test' AND r.role = 'STAFF'))
            """);
        Assert.Equal(0, unexpected);
        Assert.Equal(10, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM accounts WHERE email LIKE 'leader%@demo.test'"));
        Assert.Equal(0, await ScalarAsync<long>(dataSource,
            "SELECT count(*) FROM staff s WHERE s.email IS NOT NULL AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.staff_id = s.id)"));
        Assert.Equal(0, await ScalarAsync<long>(dataSource,
            "SELECT count(*) FROM schools s WHERE s.open AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.email = 'booker.' || s.urn || '@demo.test')"));
        using var client = silo.CreateClient();
        var leader = await client.PostAsJsonAsync("/auth/token", new { email = "leader10@demo.test", password = SiloHost.DemoPassword });
        Assert.Equal(HttpStatusCode.Created, leader.StatusCode);
    }

    [Fact]
    public async Task The_demo_county_has_every_staff_role_and_a_realistic_mix_in_every_district()
    {
        await using var silo = await SiloHost.StartAsync(await postgres.CreateDemoDatabaseAsync(), loadDemoData: true);
        var dataSource = silo.Services.GetRequiredService<NpgsqlDataSource>();

        Assert.Equal(11, await ScalarAsync<long>(dataSource, "SELECT count(DISTINCT role) FROM staff"));
        Assert.Equal(12, await ScalarAsync<long>(dataSource,
            "SELECT count(*) FROM (SELECT district_id FROM schools GROUP BY district_id HAVING count(DISTINCT phase) = 5 AND count(DISTINCT school_type) = 7) d"));
        Assert.True(await ScalarAsync<long>(dataSource, "SELECT count(*) FROM schools WHERE NOT open") > 0);
    }

    [Fact]
    public async Task Demo_data_never_loads_on_a_configured_database_unless_asked()
    {
        await using var silo = await SiloHost.StartAsync(await postgres.CreateMigratedDatabaseAsync(), loadDemoData: false);
        var dataSource = silo.Services.GetRequiredService<NpgsqlDataSource>();

        Assert.Equal(0, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM accounts"));
        Assert.Equal(0, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM schools"));
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
