using InclusionNetwork.TestSupport;
using Npgsql;

namespace InclusionNetwork.GraphQL.Tests.Places;

[Collection(PostgresCollection.Name)]
public sealed class PlacesModuleTests(PostgresFixture postgres)
{
    private async Task<(SiloHost Silo, string Database)> StartAsync()
    {
        var connectionString = await postgres.CreateDemoDatabaseAsync();
        return (await SiloHost.StartAsync(connectionString, loadDemoData: true), new NpgsqlConnectionStringBuilder(connectionString).Database!);
    }

    [Fact]
    public async Task Areas_and_districts_are_the_county_s()
    {
        var (silo, _) = await StartAsync();
        await using var _silo = silo;
        using var client = silo.CreateClient();

        var response = await client.GraphQLAsync("{ areas { name districts { name } } districts { id name area { name } } }");

        Assert.Equal(["North", "South", "East", "West"], response.Get("areas").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal(12, response.Get("districts").GetArrayLength());
        Assert.Equal("East", response.Get("districts").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "Thanet").GetProperty("area").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Schools_page_by_opaque_cursors_with_a_total_and_leave_closed_ones_out_unless_asked()
    {
        var (silo, _) = await StartAsync();
        await using var _silo = silo;
        using var client = silo.CreateClient();
        const string query = """
            query($after: String, $closed: Boolean) {
              schools(filter: { district: "dover", includeClosed: $closed }, first: 20, after: $after) {
                totalCount nodes { urn name open } pageInfo { hasNextPage endCursor }
              }
            }
            """;

        var first = await client.GraphQLAsync(query, new { after = (string?)null, closed = false });
        var second = await client.GraphQLAsync(query, new { after = first.Get("schools.pageInfo.endCursor").GetString(), closed = false });
        var all = await client.GraphQLAsync(query, new { after = (string?)null, closed = true });

        var total = first.Get("schools.totalCount").GetInt32();
        Assert.InRange(total, 40, 60);
        var firstUrns = first.Get("schools.nodes").EnumerateArray().Select(n => n.GetProperty("urn").GetString()).ToList();
        var secondUrns = second.Get("schools.nodes").EnumerateArray().Select(n => n.GetProperty("urn").GetString()).ToList();
        Assert.Equal(20, firstUrns.Count);
        Assert.Empty(firstUrns.Intersect(secondUrns));
        Assert.True(first.Get("schools.pageInfo.hasNextPage").GetBoolean());
        Assert.All(first.Get("schools.nodes").EnumerateArray(), n => Assert.True(n.GetProperty("open").GetBoolean()));
        Assert.True(all.Get("schools.totalCount").GetInt32() >= total);
    }

    [Fact]
    public async Task Out_of_range_page_sizes_and_foreign_cursors_are_clear_field_errors()
    {
        var (silo, _) = await StartAsync();
        await using var _silo = silo;
        using var client = silo.CreateClient();

        var tooMany = await client.GraphQLAsync("{ schools(first: 1000) { totalCount } }");
        var badCursor = await client.GraphQLAsync("{ schools(after: \"not-a-cursor\") { totalCount } }");

        var error = Assert.Single(tooMany.Errors);
        Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("between 0 and 100", error.GetProperty("message").GetString());
        Assert.Equal("BAD_USER_INPUT", Assert.Single(badCursor.Errors).GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Staff_are_visible_to_the_school_and_admins_only()
    {
        var (silo, _) = await StartAsync();
        await using var _silo = silo;
        using var anonymous = silo.CreateClient();
        var urn = (await anonymous.GraphQLAsync("{ schools(filter: { district: \"ashford\", phase: PRIMARY }, first: 2) { nodes { urn } } }"))
            .Get("schools.nodes").EnumerateArray().Select(n => n.GetProperty("urn").GetString()!).ToList();
        using var ownBooker = await silo.SignInAsync($"booker.{urn[0]}@demo.test");
        using var otherBooker = await silo.SignInAsync($"booker.{urn[1]}@demo.test");
        using var commissioner = await silo.SignInAsync("commissioner@demo.test");
        using var admin = await silo.SignInAsync("admin@demo.test");
        var query = $"{{ school(urn: \"{urn[0]}\") {{ name staff {{ name email role }} }} }}";

        Assert.True((await ownBooker.GraphQLAsync(query)).Get("school.staff").GetArrayLength() > 5);
        Assert.True((await admin.GraphQLAsync(query)).Get("school.staff").GetArrayLength() > 5);
        Assert.Equal(0, (await otherBooker.GraphQLAsync(query)).Get("school.staff").GetArrayLength());
        Assert.Equal(0, (await commissioner.GraphQLAsync(query)).Get("school.staff").GetArrayLength());
        Assert.Equal(0, (await anonymous.GraphQLAsync(query)).Get("school.staff").GetArrayLength());
    }

    [Fact]
    public async Task Me_is_null_for_anonymous_callers_and_the_viewer_when_signed_in()
    {
        var (silo, _) = await StartAsync();
        await using var _silo = silo;
        using var anonymous = silo.CreateClient();
        using var commissioner = await silo.SignInAsync("commissioner@demo.test");

        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await anonymous.GraphQLAsync("{ me { id } }")).Get("me").ValueKind);
        var me = (await commissioner.GraphQLAsync("{ me { email roles school { urn } } }")).Get("me");
        Assert.Equal("commissioner@demo.test", me.GetProperty("email").GetString());
        Assert.Equal(["COMMISSIONER"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Bookers_add_change_the_role_of_and_remove_their_own_staff_and_nobody_else_s()
    {
        var (silo, _) = await StartAsync();
        await using var _silo = silo;
        using var anonymous = silo.CreateClient();
        var urns = (await anonymous.GraphQLAsync("{ schools(filter: { district: \"swale\", phase: PRIMARY }, first: 2) { nodes { urn } } }"))
            .Get("schools.nodes").EnumerateArray().Select(n => n.GetProperty("urn").GetString()!).ToList();
        using var booker = await silo.SignInAsync($"booker.{urns[0]}@demo.test");
        const string add = """
            mutation($urn: ID!, $email: String) {
              addStaff(input: { schoolUrn: $urn, name: "Jo Newcomer", email: $email, role: TEACHER }) {
                staff { id name role school { urn } } errors { code path }
              }
            }
            """;

        var added = await booker.GraphQLAsync(add, new { urn = urns[0], email = "jo.newcomer@school.example" });
        var elsewhere = await booker.GraphQLAsync(add, new { urn = urns[1], email = "jo.other@school.example" });
        var duplicate = await booker.GraphQLAsync(add, new { urn = urns[0], email = "JO.NEWCOMER@school.example" });
        var badEmail = await booker.GraphQLAsync(add, new { urn = urns[0], email = "not an email" });

        Assert.Empty(added.UserErrorCodes("addStaff"));
        Assert.Equal(urns[0], added.Get("addStaff.staff.school.urn").GetString());
        Assert.Equal(["NOT_ALLOWED"], elsewhere.UserErrorCodes("addStaff"));
        Assert.Equal(["CLASH"], duplicate.UserErrorCodes("addStaff"));
        Assert.Equal(["INVALID"], badEmail.UserErrorCodes("addStaff"));
        Assert.Equal("email", badEmail.Get("addStaff.errors.0.path.1").GetString());

        var staffId = added.Get("addStaff.staff.id").GetString();
        using var otherBooker = await silo.SignInAsync($"booker.{urns[1]}@demo.test");
        using var provider = await silo.SignInAsync("provider@demo.test");
        const string changeRole = "mutation($id: ID!) { changeStaffRole(input: { staffId: $id, role: SENCO }) { staff { id role } errors { code } } }";
        Assert.Equal(["NOT_FOUND"], (await otherBooker.GraphQLAsync(changeRole, new { id = staffId })).UserErrorCodes("changeStaffRole"));
        Assert.Equal(["NOT_FOUND"], (await provider.GraphQLAsync(changeRole, new { id = staffId })).UserErrorCodes("changeStaffRole"));
        Assert.Equal(["NOT_ALLOWED"], (await anonymous.GraphQLAsync(changeRole, new { id = staffId })).UserErrorCodes("changeStaffRole"));
        Assert.Equal("TEACHER", (await booker.GraphQLAsync("query($urn: ID!) { school(urn: $urn) { staff { id role } } }", new { urn = urns[0] }))
            .Get("school.staff").EnumerateArray().Single(s => s.GetProperty("id").GetString() == staffId).GetProperty("role").GetString());
        var changed = await booker.GraphQLAsync(changeRole, new { id = staffId });
        Assert.Empty(changed.UserErrorCodes("changeStaffRole"));
        Assert.Equal("SENCO", changed.Get("changeStaffRole.staff.role").GetString());
        Assert.Equal("SENCO", (await booker.GraphQLAsync("query($urn: ID!) { school(urn: $urn) { staff { id role } } }", new { urn = urns[0] }))
            .Get("school.staff").EnumerateArray().Single(s => s.GetProperty("id").GetString() == staffId).GetProperty("role").GetString());

        const string remove = "mutation($id: ID!) { removeStaff(input: { staffId: $id }) { staff { id } errors { code } } }";
        Assert.Equal(["NOT_FOUND"], (await otherBooker.GraphQLAsync(remove, new { id = staffId })).UserErrorCodes("removeStaff"));
        Assert.Empty((await booker.GraphQLAsync(remove, new { id = staffId })).UserErrorCodes("removeStaff"));
        Assert.Equal(["NOT_FOUND"], (await booker.GraphQLAsync(remove, new { id = staffId })).UserErrorCodes("removeStaff"));
        Assert.Equal(["NOT_FOUND"], (await booker.GraphQLAsync(changeRole, new { id = staffId })).UserErrorCodes("changeStaffRole"));
    }

    [Fact]
    public async Task A_page_of_schools_with_districts_and_staff_costs_a_constant_number_of_statements()
    {
        var (silo, database) = await StartAsync();
        await using var _silo = silo;
        using var admin = await silo.SignInAsync("admin@demo.test");
        const string query = "query($n: Int) { schools(first: $n) { nodes { name district { name area { name } } staff { name school { name } } } } }";
        // Areas and districts are read once per process; warm that up first.
        await admin.GraphQLAsync(query, new { n = 1 });
        using var counter = new SqlStatementCounter(database);

        await admin.GraphQLAsync(query, new { n = 2 });
        var forTwo = counter.Count;
        counter.Reset();
        var response = await admin.GraphQLAsync(query, new { n = 20 });
        var forTwenty = counter.Count;

        Assert.Equal(20, response.Get("schools.nodes").GetArrayLength());
        Assert.Equal(forTwo, forTwenty);
        Assert.InRange(forTwenty, 1, 6);
    }
}
