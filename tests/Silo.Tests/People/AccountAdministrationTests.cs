using System.Net;
using System.Net.Http.Json;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.People;

/// <summary>accounts and updateAccount over HTTP: who may call them, what each change does, and that deactivation stops everything at once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AccountAdministrationTests(PostgresFixture postgres)
{
    private const string Update = """
        mutation($input: UpdateAccountInput!) { updateAccount(input: $input) {
          account { id name email roles school { urn } active } errors { code path } } }
        """;

    private const string List = """
        query($filter: AccountFilter, $first: Int, $after: String) { accounts(filter: $filter, first: $first, after: $after) {
          nodes { id email roles active createdAt lastSignInAt } totalCount pageInfo { hasNextPage endCursor } } }
        """;

    private static async Task<string> IdOfAsync(PeopleWorld world, string email) =>
        (await world.ScalarAsync<long>("SELECT id FROM accounts WHERE email = @e", ("e", email))).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Admins_list_and_search_accounts_newest_first_and_nobody_else_may()
    {
        await using var world = await PeopleWorld.StartAsync(postgres);
        using var admin = await world.Silo.SignInAsync("admin@demo.test");

        var providers = await admin.GraphQLAsync(List, new { filter = new { role = "PROVIDER" } });
        Assert.Equal(["provider@demo.test"], providers.Get("accounts.nodes").EnumerateArray().Select(a => a.GetProperty("email").GetString()));
        var searched = await admin.GraphQLAsync(List, new { filter = new { search = "COMMISSIONER@demo" } });
        Assert.Equal("commissioner@demo.test", Assert.Single(searched.Get("accounts.nodes").EnumerateArray()).GetProperty("email").GetString());
        Assert.Equal(0, (await admin.GraphQLAsync(List, new { filter = new { search = "%" } })).Get("accounts.totalCount").GetInt32());

        var firstPage = await admin.GraphQLAsync(List, new { first = 3 });
        var ids = firstPage.Get("accounts.nodes").EnumerateArray().Select(a => long.Parse(a.GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
        var secondPage = await admin.GraphQLAsync(List, new { first = 3, after = firstPage.Get("accounts.pageInfo.endCursor").GetString() });
        Assert.True(secondPage.Get("accounts.nodes").EnumerateArray().All(a => long.Parse(a.GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture) < ids.Min()));
        Assert.True(firstPage.Get("accounts.totalCount").GetInt32() > 10);

        Assert.Equal("UNAUTHENTICATED", (await world.Silo.CreateClient().GraphQLAsync(List)).Errors.Single().GetProperty("extensions").GetProperty("code").GetString());
        foreach (var email in new[] { "commissioner@demo.test", "provider@demo.test", "leader1@demo.test" })
        {
            using var client = await world.Silo.SignInAsync(email);
            Assert.Equal("FORBIDDEN", (await client.GraphQLAsync(List)).Errors.Single().GetProperty("extensions").GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task A_deactivated_account_cannot_sign_in_and_its_tokens_sessions_and_feeds_stop_at_once()
    {
        await using var world = await PeopleWorld.StartAsync(postgres);
        using var admin = await world.Silo.SignInAsync("admin@demo.test");
        var staffEmail = await world.ScalarAsync<string>("SELECT email FROM accounts WHERE email LIKE 'staff.%' ORDER BY id LIMIT 1");
        using var staff = await world.Silo.SignInAsync(staffEmail);
        var created = await staff.GraphQLAsync("mutation { createCalendarFeed(input: { scope: STAFF }) { feed { url } errors { code } } }");
        var feedPath = new Uri(created.Get("createCalendarFeed.feed.url").GetString()!).PathAndQuery;
        using var anonymous = world.Silo.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(feedPath)).StatusCode);
        var staffId = await IdOfAsync(world, staffEmail);

        var deactivated = await admin.GraphQLAsync(Update, new { input = new { accountId = staffId, active = false } });

        Assert.Empty(deactivated.UserErrorCodes("updateAccount"));
        Assert.False(deactivated.Get("updateAccount.account.active").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.PostAsJsonAsync("/graphql", new { query = "{ me { email } }" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(feedPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/auth/token", new { email = staffEmail, password = SiloHost.DemoPassword })).StatusCode);
        var listed = await admin.GraphQLAsync(List, new { filter = new { search = staffEmail } });
        Assert.Equal(0, listed.Get("accounts.totalCount").GetInt32());
        var withInactive = await admin.GraphQLAsync(List, new { filter = new { search = staffEmail, includeInactive = true } });
        Assert.False(Assert.Single(withInactive.Get("accounts.nodes").EnumerateArray()).GetProperty("active").GetBoolean());

        var reactivated = await admin.GraphQLAsync(Update, new { input = new { accountId = staffId, active = true } });
        Assert.True(reactivated.Get("updateAccount.account.active").GetBoolean());
        using var again = await world.Silo.SignInAsync(staffEmail);
        Assert.Equal(staffEmail, (await again.GraphQLAsync("{ me { email } }")).Get("me.email").GetString());
        // What was revoked stays revoked.
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.PostAsJsonAsync("/graphql", new { query = "{ me { email } }" })).StatusCode);
    }

    [Fact]
    public async Task Admins_change_names_roles_and_school_and_bad_changes_are_refused_with_nothing_written()
    {
        await using var world = await PeopleWorld.StartAsync(postgres);
        using var admin = await world.Silo.SignInAsync("admin@demo.test");
        var bookerEmail = await world.ScalarAsync<string>("SELECT email FROM accounts WHERE email LIKE 'booker.%' ORDER BY id LIMIT 1");
        var bookerId = await IdOfAsync(world, bookerEmail);
        var otherUrn = await world.ScalarAsync<string>("SELECT urn FROM schools WHERE urn <> (SELECT school_urn FROM accounts WHERE id = @id) ORDER BY urn LIMIT 1",
            ("id", long.Parse(bookerId, System.Globalization.CultureInfo.InvariantCulture)));

        var changed = await admin.GraphQLAsync(Update, new { input = new { accountId = bookerId, name = "Renamed Booker", roles = new[] { "SCHOOL_BOOKER", "NETWORK_LEAD" }, schoolUrn = otherUrn } });

        Assert.Empty(changed.UserErrorCodes("updateAccount"));
        Assert.Equal("Renamed Booker", changed.Get("updateAccount.account.name").GetString());
        Assert.Equal(["NETWORK_LEAD", "SCHOOL_BOOKER"], changed.Get("updateAccount.account.roles").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.Equal(otherUrn, changed.Get("updateAccount.account.school.urn").GetString());
        using var booker = await world.Silo.SignInAsync(bookerEmail);
        Assert.Equal(otherUrn, (await booker.GraphQLAsync("{ me { school { urn } } }")).Get("me.school.urn").GetString());

        async Task<string> RefusedAsync(HttpClient client, object input)
        {
            var error = Assert.Single((await client.GraphQLAsync(Update, new { input })).Get("updateAccount.errors").EnumerateArray());
            return error.GetProperty("code").GetString() + " " + string.Join('.', error.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        }
        var adminId = await IdOfAsync(world, "admin@demo.test");
        Assert.Equal("INVALID input.roles", await RefusedAsync(admin, new { accountId = bookerId, roles = Array.Empty<string>() }));
        Assert.Equal("INVALID input.schoolUrn", await RefusedAsync(admin, new { accountId = bookerId, schoolUrn = (string?)null }));
        Assert.Equal("NOT_FOUND input.schoolUrn", await RefusedAsync(admin, new { accountId = bookerId, schoolUrn = "999999999" }));
        Assert.Equal("INVALID input.name", await RefusedAsync(admin, new { accountId = bookerId, name = " " }));
        Assert.Equal("NOT_FOUND input.accountId", await RefusedAsync(admin, new { accountId = "99999999", name = "X" }));
        Assert.Equal("NOT_ALLOWED input.accountId", await RefusedAsync(admin, new { accountId = adminId, active = false }));
        Assert.Equal("NOT_ALLOWED input.accountId", await RefusedAsync(admin, new { accountId = adminId, roles = new[] { "COMMISSIONER" } }));
        foreach (var email in new[] { bookerEmail, "commissioner@demo.test", "leader1@demo.test" })
        {
            using var client = await world.Silo.SignInAsync(email);
            var refused = await client.GraphQLAsync(Update, new { input = new { accountId = bookerId, name = "Hijacked" } });
            Assert.Equal(["NOT_ALLOWED"], refused.UserErrorCodes("updateAccount"));
        }
        Assert.Equal(["NOT_ALLOWED"], (await world.Silo.CreateClient().GraphQLAsync(Update, new { input = new { accountId = bookerId, name = "Hijacked" } })).UserErrorCodes("updateAccount"));
        Assert.Equal("Renamed Booker", await world.ScalarAsync<string>("SELECT name FROM accounts WHERE email = @e", ("e", bookerEmail)));
        Assert.Equal(otherUrn, await world.ScalarAsync<string>("SELECT school_urn FROM accounts WHERE email = @e", ("e", bookerEmail)));
    }

    [Fact]
    public async Task A_personal_access_token_records_when_it_was_last_used_at_most_once_a_minute()
    {
        await using var world = await PeopleWorld.StartAsync(postgres);
        using var client = await world.Silo.SignInAsync("commissioner@demo.test");
        async Task<DateTimeOffset?> LastUsedAsync()
        {
            var value = await world.ScalarAsync<object>("SELECT last_used_at FROM access_tokens t JOIN accounts a ON a.id = t.account_id WHERE a.email = 'commissioner@demo.test' AND t.kind = 'PERSONAL'");
            return value is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
        }
        var start = world.Clock.GetUtcNow();

        await client.GraphQLAsync("{ me { email } }");
        Assert.Equal(start, await LastUsedAsync());
        world.Clock.Advance(TimeSpan.FromSeconds(30));
        await client.GraphQLAsync("{ me { email } }");
        Assert.Equal(start, await LastUsedAsync());
        world.Clock.Advance(TimeSpan.FromSeconds(31));
        await client.GraphQLAsync("{ me { email } }");
        Assert.Equal(start + TimeSpan.FromSeconds(61), await LastUsedAsync());
    }
}
