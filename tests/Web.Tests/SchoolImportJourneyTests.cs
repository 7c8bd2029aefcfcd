using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SchoolImportJourneyTests(WebFixture web)
{
    [Fact]
    public async Task Without_javascript_an_admin_sees_every_refused_row_with_nothing_imported_then_imports_a_windows_1252_extract()
    {
        using var admin = await web.Silo.SignInAsync("admin@demo.test");
        var district = (await admin.QueryAsync("{ districts { name } }", path: "districts"))[0].GetProperty("name").GetString();
        const string Name = "St Mary’s Church of England Primary School";

        await web.RunJourneyAsync("schoolImportWithoutJavaScript", new { district, urn = "999123", urn2 = "999124", name = Name });

        var school = await admin.QueryAsync("""{ school(urn: "999123") { name phase open } }""", path: "school");
        Assert.Equal(Name, school.GetProperty("name").GetString());
        Assert.Equal("PRIMARY", school.GetProperty("phase").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await admin.QueryAsync("""{ school(urn: "999124") { name } }""", path: "school")).ValueKind);
    }
}
