using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.People;

/// <summary>accounts and updateAccount over HTTP: who may call them, what each change does, and that deactivation stops everything at once.</summary>
[Collection(PostgresCollection.Second)]
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

        // One account by id, for its page: admins only; an unknown id is null.
        const string One = "query($id: ID!) { account(id: $id) { email roles active } }";
        var providerId = await IdOfAsync(world, "provider@demo.test");
        Assert.Equal("provider@demo.test", (await admin.GraphQLAsync(One, new { id = providerId })).Get("account.email").GetString());
        Assert.Equal(JsonValueKind.Null, (await admin.GraphQLAsync(One, new { id = "999999999" })).Get("account").ValueKind);

        Assert.Equal("UNAUTHENTICATED", (await world.Silo.CreateClient().GraphQLAsync(List)).Errors.Single().GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("UNAUTHENTICATED", (await world.Silo.CreateClient().GraphQLAsync(One, new { id = providerId })).Errors.Single().GetProperty("extensions").GetProperty("code").GetString());
        foreach (var email in new[] { "commissioner@demo.test", "provider@demo.test", "leader1@demo.test" })
        {
            using var client = await world.Silo.SignInAsync(email);
            Assert.Equal("FORBIDDEN", (await client.GraphQLAsync(List)).Errors.Single().GetProperty("extensions").GetProperty("code").GetString());
            Assert.Equal("FORBIDDEN", (await client.GraphQLAsync(One, new { id = providerId })).Errors.Single().GetProperty("extensions").GetProperty("code").GetString());
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
    public async Task A_personal_access_token_records_when_it_was_last_used_at_most_once_a_minute_and_each_person_lists_creates_and_revokes_only_their_own()
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

        // The list on me: name, created, last used and expiry, never the secret.
        const string Mine = "{ me { accessTokens { id name createdAt lastUsedAt expiresAt } } }";
        var listed = Assert.Single((await client.GraphQLAsync(Mine)).Get("me.accessTokens").EnumerateArray());
        Assert.Equal(start + TimeSpan.FromSeconds(61), listed.GetProperty("lastUsedAt").GetDateTimeOffset());
        Assert.Equal(start, listed.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(start + TimeSpan.FromDays(30), listed.GetProperty("expiresAt").GetDateTimeOffset());

        // Creating one asks for the password again; the secret comes back once and works.
        const string Create = """
            mutation($input: CreateAccessTokenInput!) { createAccessToken(input: $input) {
              token accessToken { id name expiresAt } errors { code path } } }
            """;
        var wrong = await client.GraphQLAsync(Create, new { input = new { name = "Reports script", password = "not the password at all" } });
        Assert.Equal(["input", "password"], wrong.Get("createAccessToken.errors.0.path").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(JsonValueKind.Null, wrong.Get("createAccessToken.token").ValueKind);
        var badDays = await client.GraphQLAsync(Create, new { input = new { name = " ", expiresInDays = 400, password = SiloHost.DemoPassword } });
        Assert.Equal(["INVALID", "INVALID"], badDays.UserErrorCodes("createAccessToken"));
        Assert.Single((await client.GraphQLAsync(Mine)).Get("me.accessTokens").EnumerateArray());
        var created = await client.GraphQLAsync(Create, new { input = new { name = "Reports script", expiresInDays = 7, password = SiloHost.DemoPassword } });
        Assert.Empty(created.UserErrorCodes("createAccessToken"));
        Assert.Equal(start + TimeSpan.FromSeconds(61) + TimeSpan.FromDays(7), created.Get("createAccessToken.accessToken.expiresAt").GetDateTimeOffset());
        var newId = created.Get("createAccessToken.accessToken.id").GetString()!;
        using var script = world.Silo.CreateClient(created.Get("createAccessToken.token").GetString());
        Assert.Equal("commissioner@demo.test", (await script.GraphQLAsync("{ me { email } }")).Get("me.email").GetString());
        Assert.Equal([newId, listed.GetProperty("id").GetString()],
            (await client.GraphQLAsync(Mine)).Get("me.accessTokens").EnumerateArray().Select(t => t.GetProperty("id").GetString()));

        // Someone else neither sees nor revokes it.
        const string Revoke = "mutation($id: ID!) { revokeAccessToken(input: { tokenId: $id }) { revoked errors { code path } } }";
        using var provider = await world.Silo.SignInAsync("provider@demo.test");
        Assert.DoesNotContain((await provider.GraphQLAsync(Mine)).Get("me.accessTokens").EnumerateArray(), t => t.GetProperty("id").GetString() == newId);
        var stranger = await provider.GraphQLAsync(Revoke, new { id = newId });
        Assert.False(stranger.Get("revokeAccessToken.revoked").GetBoolean());
        Assert.Equal(["NOT_FOUND"], stranger.UserErrorCodes("revokeAccessToken"));
        Assert.Equal(HttpStatusCode.OK, (await script.PostAsJsonAsync("/graphql", new { query = "{ me { email } }" })).StatusCode);
        var anonymous = await world.Silo.CreateClient().GraphQLAsync(Create, new { input = new { name = "x", password = "y" } });
        Assert.Equal(["NOT_ALLOWED"], anonymous.UserErrorCodes("createAccessToken"));

        // Its owner revokes it: it stops at once and leaves the list.
        Assert.True((await client.GraphQLAsync(Revoke, new { id = newId })).Get("revokeAccessToken.revoked").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.PostAsJsonAsync("/graphql", new { query = "{ me { email } }" })).StatusCode);
        Assert.Single((await client.GraphQLAsync(Mine)).Get("me.accessTokens").EnumerateArray());
    }
}
