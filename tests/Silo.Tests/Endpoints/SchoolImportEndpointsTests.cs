using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InclusionNetwork.Silo.Tests.Endpoints;

[Collection(PostgresCollection.Name)]
public sealed class SchoolImportEndpointsTests(SharedDemoSilo shared) : IClassFixture<SharedDemoSilo>
{
    private readonly SiloHost silo = shared.Silo;

    private const string Header = "URN,EstablishmentName,TypeOfEstablishment (name),PhaseOfEducation (name),EstablishmentStatus (name),DistrictAdministrative (name),Postcode\r\n";

    private static StringContent Csv(string rows) => new(Header + rows, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task Only_admins_may_import()
    {
        using var anonymous = silo.CreateClient();
        using var commissioner = await silo.SignInAsync("commissioner@demo.test");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/admin/schools/import", Csv(""))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.PostAsync("/admin/schools/import", Csv(""))).StatusCode);
    }

    [Fact]
    public async Task A_bad_row_is_reported_by_line_and_nothing_changes()
    {
        using var admin = await silo.SignInAsync("admin@demo.test");
        var before = await CountSchoolsAsync(silo);

        var response = await admin.PostAsync("/admin/schools/import", Csv(
            "800001,Good Primary School,Community school,Primary,Open,Dover,CT16 1AA\r\n" +
            "800002,Somewhere College,Further education,16 plus,Open,Dover,CT16 1AB\r\n"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.Contains("Further education", error.GetProperty("message").GetString());
        Assert.Equal(before, await CountSchoolsAsync(silo));
    }

    [Fact]
    public async Task A_good_file_imports_and_reimporting_updates_in_place()
    {
        using var admin = await silo.SignInAsync("admin@demo.test");

        // A school of its own (800011): the class's other tests share this Silo and send 800001 in refused files.
        var first = await admin.PostAsync("/admin/schools/import", Csv("800011,Good Primary School,Community school,Primary,Open,Dover,CT16 1AA\r\n"));
        var second = await admin.PostAsync("/admin/schools/import", Csv("800011,Good Primary School,Academy converter,Primary,Closed,Dover,CT16 1AA\r\n"));

        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("inserted").GetInt32());
        Assert.Equal(1, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("updated").GetInt32());
        await using var command = silo.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT school_type, open FROM schools WHERE urn = '800011'");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("ACADEMY", reader.GetString(0));
        Assert.False(reader.GetBoolean(1));
    }

    [Fact]
    public async Task A_file_with_a_nul_character_is_a_400_naming_the_line_and_nothing_changes()
    {
        using var admin = await silo.SignInAsync("admin@demo.test");
        var before = await CountSchoolsAsync(silo);

        var response = await admin.PostAsync("/admin/schools/import", Csv(
            "800001,Good Primary School,Community school,Primary,Open,Dover,CT16 1AA\r\n" +
            "800003,Nul\0 Primary School,Community school,Primary,Open,Dover,CT16 1AC\r\n"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("line 3", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        Assert.Equal(before, await CountSchoolsAsync(silo));
    }

    private static async Task<long> CountSchoolsAsync(SiloHost silo)
    {
        await using var command = silo.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT count(*) FROM schools");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
