using Microsoft.AspNetCore.Builder;
using System.Net;
using InclusionNetwork.Silo.Database;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InclusionNetwork.Silo.Tests.Database;

/// <summary>The quick start, end to end: the Silo on its own embedded database, twice.</summary>
public sealed class SiloRestartTests : IDisposable
{
    private readonly string dataRoot = Path.Combine(Path.GetTempPath(), "inclusion-network-tests", "silo-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(dataRoot))
        {
            Directory.Delete(dataRoot, recursive: true);
        }
    }

    private Task<WebApplication> StartAsync() => SiloApplication.BuildAsync(
    [
        "--urls=http://127.0.0.1:0", "--ConnectionStrings:Postgres=", $"--Postgres:Embedded:DataDirectory={dataRoot}",
        "--Demo:Password=restart-test", "--Logging:LogLevel:Default=Warning", "--Logging:Format=simple",
    ]);

    [Fact]
    public async Task Restarting_keeps_the_data_and_applies_no_migration_twice()
    {
        long schools;
        await using (var first = await StartAsync())
        {
            await first.StartAsync();
            Assert.Equal(HttpStatusCode.OK, await ReadyzAsync(first));
            schools = await CountAsync(first, "SELECT count(*) FROM schools");
            Assert.InRange(schools, 550, 650);
            await first.StopAsync();
        }

        await using var second = await StartAsync();
        await second.StartAsync();
        Assert.Equal(HttpStatusCode.OK, await ReadyzAsync(second));
        Assert.Equal(schools, await CountAsync(second, "SELECT count(*) FROM schools"));
        var migrationFiles = Migration.LoadFrom(Path.Combine(AppContext.BaseDirectory, "db", "migrations")).Count;
        Assert.Equal(migrationFiles, await CountAsync(second, "SELECT count(*) FROM schema_migrations"));
        Assert.Equal(1, await CountAsync(second, "SELECT count(*) FROM accounts WHERE email = 'admin@demo.test'"));
        await second.StopAsync();
    }

    private static async Task<HttpStatusCode> ReadyzAsync(WebApplication app)
    {
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        return (await client.GetAsync("/readyz")).StatusCode;
    }

    private static async Task<long> CountAsync(WebApplication app, string sql)
    {
        await using var command = app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
