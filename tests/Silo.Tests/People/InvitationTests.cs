using System.Net;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.People;

/// <summary>invite, withdrawInvitation, invitations, invitationByToken and acceptInvitation over HTTP, with the email received by a real SMTP server.</summary>
[Collection(PostgresCollection.Second)]
public sealed class InvitationTests(PostgresFixture postgres)
{
    private const string Invite = """
        mutation($input: InviteInput!) { invite(input: $input) {
          invitation { id email name roles school { urn } expiresAt createdAt }
          errors { code message path } } }
        """;

    private const string Accept = """
        mutation($token: String!, $password: String!) { acceptInvitation(input: { token: $token, password: $password }) {
          account { id email name roles school { urn } active lastSignInAt }
          session { token expiresAt }
          errors { code message path } } }
        """;

    private const string Preview = "query($token: String!) { invitationByToken(token: $token) { invitedBy invitation { email name roles school { urn } } } }";

    private const string GoodPassword = "violet kettle harbour 42";

    [Fact]
    public async Task An_admin_invites_a_commissioner_who_accepts_by_the_emailed_link_and_is_signed_in()
    {
        await using var world = await PeopleWorld.StartAsync(postgres);
        using var admin = await world.Silo.SignInAsync("admin@demo.test");
        using var anonymous = world.Silo.CreateClient();

        var invited = await admin.GraphQLAsync(Invite, new { input = new { email = "new.commissioner@kent.example", name = "Ada Commissioner", roles = new[] { "COMMISSIONER" } } });

        Assert.Empty(invited.UserErrorCodes("invite"));
        Assert.Equal(["COMMISSIONER"], invited.Get("invite.invitation.roles").EnumerateArray().Select(r => r.GetString()));
        var expiresAt = invited.Get("invite.invitation.expiresAt").GetDateTimeOffset();
        Assert.Equal(world.Clock.GetUtcNow() + TimeSpan.FromDays(7), expiresAt);
        var (message, token) = await world.LinkSentToAsync("new.commissioner@kent.example", "invitations");
        Assert.Equal("You have been invited to Kent inclusion service", message.Subject);
        Assert.Contains("Dear Ada Commissioner,", message.TextBody);
        Assert.Contains("as a commissioner", message.TextBody);
        Assert.Contains("inclusion@kent.example or 03000 000000", message.TextBody);
        Assert.Contains($"{PeopleWorld.PublicBaseUrl}/invitations/{token}", message.HtmlBody);
        // Stored as its hash only: the row matches the token's SHA-256, and no text column holds the token.
        Assert.Equal(1L, await world.ScalarAsync<long>("SELECT count(*) FROM invitations WHERE token_hash = sha256(convert_to(@t, 'UTF8'))", ("t", token)));
        Assert.Equal(0L, await world.ScalarAsync<long>("SELECT count(*) FROM invitations i WHERE i::text LIKE '%' || @t || '%'", ("t", token)));

        var preview = await anonymous.GraphQLAsync(Preview, new { token });
        Assert.Equal("Ada Commissioner", preview.Get("invitationByToken.invitation.name").GetString());
        var adminName = await world.ScalarAsync<string>("SELECT name FROM accounts WHERE email = 'admin@demo.test'");
        Assert.Equal(adminName, preview.Get("invitationByToken.invitedBy").GetString());

        var tooShort = await anonymous.GraphQLAsync(Accept, new { token, password = "short pass" });
        Assert.Equal(["PASSWORD_TOO_SHORT"], tooShort.UserErrorCodes("acceptInvitation"));
        var tooCommon = await anonymous.GraphQLAsync(Accept, new { token, password = "Password2026!" });
        Assert.Equal(["PASSWORD_TOO_COMMON"], tooCommon.UserErrorCodes("acceptInvitation"));
        Assert.Equal(0L, await world.ScalarAsync<long>("SELECT count(*) FROM accounts WHERE email = 'new.commissioner@kent.example'"));

        var accepted = await anonymous.GraphQLAsync(Accept, new { token, password = GoodPassword });

        Assert.Empty(accepted.UserErrorCodes("acceptInvitation"));
        Assert.Equal(["COMMISSIONER"], accepted.Get("acceptInvitation.account.roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(accepted.Get("acceptInvitation.account.active").GetBoolean());
        using var signedIn = world.Silo.CreateClient(accepted.Get("acceptInvitation.session.token").GetString());
        var me = await signedIn.GraphQLAsync("{ me { email roles } }");
        Assert.Equal("new.commissioner@kent.example", me.Get("me.email").GetString());
        using var withPassword = await world.Silo.SignInAsync("new.commissioner@kent.example", GoodPassword);

        var again = await anonymous.GraphQLAsync(Accept, new { token, password = GoodPassword });
        Assert.Equal(["INVALID_TOKEN"], again.UserErrorCodes("acceptInvitation"));
        Assert.Equal(JsonNull, (await anonymous.GraphQLAsync(Preview, new { token })).Get("invitationByToken").ValueKind);
        var open = await admin.GraphQLAsync("{ invitations { email } }");
        Assert.DoesNotContain(open.Get("invitations").EnumerateArray(), i => i.GetProperty("email").GetString() == "new.commissioner@kent.example");
        var outbox = await admin.GraphQLAsync("{ outbox(first: 5) { nodes { kind to status attempts sentAt } totalCount } }");
        var sent = outbox.Get("outbox.nodes").EnumerateArray().First(m => m.GetProperty("to").GetString() == "new.commissioner@kent.example");
        Assert.Equal(("INVITATION", "SENT", 1), (sent.GetProperty("kind").GetString(), sent.GetProperty("status").GetString(), sent.GetProperty("attempts").GetInt32()));
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task A_school_booker_invites_staff_of_their_own_school_only_and_may_link_a_member_of_staff()
    {
        await using var world = await PeopleWorld.StartAsync(postgres);
        var (urn, staffId, staffName) = await world.SchoolWithUnlinkedStaffAsync();
        var (otherUrn, _, _) = await world.SchoolWithUnlinkedStaffAsync(notUrn: urn);
        using var booker = await world.Silo.SignInAsync($"booker.{urn}@demo.test");
        using var otherBooker = await world.Silo.SignInAsync($"booker.{otherUrn}@demo.test");

        var linked = await booker.GraphQLAsync(Invite, new { input = new { email = "linked.staff@school.example", name = staffName, roles = new[] { "STAFF" }, staffId = staffId.ToString() } });
        Assert.Empty(linked.UserErrorCodes("invite"));
        Assert.Equal(urn, linked.Get("invite.invitation.school.urn").GetString());
        var otherSchool = await booker.GraphQLAsync(Invite, new { input = new { email = "x@school.example", name = "X", roles = new[] { "STAFF" }, schoolUrn = otherUrn } });
        Assert.Equal(["NOT_ALLOWED"], otherSchool.UserErrorCodes("invite"));
        var admin = await booker.GraphQLAsync(Invite, new { input = new { email = "y@school.example", name = "Y", roles = new[] { "ADMIN" } } });
        Assert.Equal(["NOT_ALLOWED"], admin.UserErrorCodes("invite"));
        var leader = await booker.GraphQLAsync(Invite, new { input = new { email = "z@school.example", name = "Z", roles = new[] { "SCHOOL_BOOKER", "LEADER" } } });
        Assert.Equal(["NOT_ALLOWED"], leader.UserErrorCodes("invite"));
        var otherStaff = await otherBooker.GraphQLAsync(Invite, new { input = new { email = "w@school.example", name = "W", roles = new[] { "STAFF" }, staffId = staffId.ToString() } });
        Assert.Equal(["NOT_FOUND"], otherStaff.UserErrorCodes("invite"));

        var ownList = await booker.GraphQLAsync("{ invitations { email school { urn } } }");
        Assert.Equal(["linked.staff@school.example"], ownList.Get("invitations").EnumerateArray().Select(i => i.GetProperty("email").GetString()));
        Assert.Empty((await otherBooker.GraphQLAsync("{ invitations { email } }")).Get("invitations").EnumerateArray());

        var (_, token) = await world.LinkSentToAsync("linked.staff@school.example", "invitations");
        var accepted = await world.Silo.CreateClient().GraphQLAsync(Accept, new { token, password = GoodPassword });
        Assert.Empty(accepted.UserErrorCodes("acceptInvitation"));
        Assert.Equal(staffId, await world.ScalarAsync<long>("SELECT staff_id FROM accounts WHERE email = 'linked.staff@school.example'"));
        Assert.Equal(urn, accepted.Get("acceptInvitation.account.school.urn").GetString());
        // Only the accepted invitation wrote anything: the refused ones left no row and no message.
        Assert.Equal(1L, await world.ScalarAsync<long>("SELECT count(*) FROM invitations"));
        Assert.Equal(1L, await world.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE kind = 'INVITATION'"));
    }

    [Fact]
    public async Task Staff_commissioners_providers_leaders_and_anonymous_callers_may_not_invite()
    {
        await using var world = await PeopleWorld.StartAsync(postgres);
        var staffEmail = await world.ScalarAsync<string>("SELECT email FROM accounts WHERE email LIKE 'staff.%' ORDER BY id LIMIT 1");
        var input = new { input = new { email = "someone@school.example", name = "Someone", roles = new[] { "STAFF" }, schoolUrn = await world.ScalarAsync<string>("SELECT school_urn FROM accounts WHERE email = @e", ("e", staffEmail)) } };

        foreach (var email in new[] { staffEmail, "commissioner@demo.test", "provider@demo.test", "leader1@demo.test" })
        {
            using var client = await world.Silo.SignInAsync(email);
            Assert.Equal(["NOT_ALLOWED"], (await client.GraphQLAsync(Invite, input)).UserErrorCodes("invite"));
            Assert.Empty((await client.GraphQLAsync("{ invitations { id } }")).Get("invitations").EnumerateArray());
        }
        Assert.Equal(["NOT_ALLOWED"], (await world.Silo.CreateClient().GraphQLAsync(Invite, input)).UserErrorCodes("invite"));
        Assert.Equal(0L, await world.ScalarAsync<long>("SELECT count(*) FROM invitations"));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_its_path_and_nothing_is_written()
    {
        await using var world = await PeopleWorld.StartAsync(postgres);
        using var admin = await world.Silo.SignInAsync("admin@demo.test");

        async Task<string> RefusedAsync(object input)
        {
            var response = await admin.GraphQLAsync(Invite, new { input });
            var error = Assert.Single(response.Get("invite.errors").EnumerateArray());
            return error.GetProperty("code").GetString() + " " + string.Join('.', error.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        }

        Assert.Equal("INVALID input.email", await RefusedAsync(new { email = "not an address", name = "N", roles = new[] { "COMMISSIONER" } }));
        Assert.Equal("INVALID input.name", await RefusedAsync(new { email = "n@x.example", name = "  ", roles = new[] { "COMMISSIONER" } }));
        Assert.Equal("INVALID input.roles", await RefusedAsync(new { email = "n@x.example", name = "N", roles = Array.Empty<string>() }));
        Assert.Equal("INVALID input.schoolUrn", await RefusedAsync(new { email = "n@x.example", name = "N", roles = new[] { "STAFF" } }));
        Assert.Equal("NOT_FOUND input.schoolUrn", await RefusedAsync(new { email = "n@x.example", name = "N", roles = new[] { "STAFF" }, schoolUrn = "999999999" }));
        Assert.Equal("ACCOUNT_EXISTS input.email", await RefusedAsync(new { email = "Provider@Demo.Test", name = "N", roles = new[] { "PROVIDER" } }));
        Assert.Equal(0L, await world.ScalarAsync<long>("SELECT count(*) FROM invitations"));
        Assert.Equal(0L, await world.ScalarAsync<long>("SELECT count(*) FROM notifications"));
    }

    [Fact]
    public async Task A_withdrawn_or_lapsed_invitation_can_no_longer_be_accepted_and_only_its_school_or_an_admin_may_withdraw_it()
    {
        await using var world = await PeopleWorld.StartAsync(postgres);
        var (urn, _, _) = await world.SchoolWithUnlinkedStaffAsync();
        var (otherUrn, _, _) = await world.SchoolWithUnlinkedStaffAsync(notUrn: urn);
        using var booker = await world.Silo.SignInAsync($"booker.{urn}@demo.test");
        using var otherBooker = await world.Silo.SignInAsync($"booker.{otherUrn}@demo.test");
        using var provider = await world.Silo.SignInAsync("provider@demo.test");
        using var anonymous = world.Silo.CreateClient();
        const string Withdraw = "mutation($id: ID!) { withdrawInvitation(input: { invitationId: $id }) { invitation { email } errors { code } } }";

        var first = await booker.GraphQLAsync(Invite, new { input = new { email = "first@school.example", name = "First", roles = new[] { "SCHOOL_BOOKER" } } });
        var firstId = first.Get("invite.invitation.id").GetString();
        var (_, firstToken) = await world.LinkSentToAsync("first@school.example", "invitations");
        Assert.Equal(["NOT_FOUND"], (await otherBooker.GraphQLAsync(Withdraw, new { id = firstId })).UserErrorCodes("withdrawInvitation"));
        Assert.Equal(["NOT_ALLOWED"], (await provider.GraphQLAsync(Withdraw, new { id = firstId })).UserErrorCodes("withdrawInvitation"));
        Assert.Equal(["NOT_ALLOWED"], (await anonymous.GraphQLAsync(Withdraw, new { id = firstId })).UserErrorCodes("withdrawInvitation"));
        var withdrawn = await booker.GraphQLAsync(Withdraw, new { id = firstId });
        Assert.Empty(withdrawn.UserErrorCodes("withdrawInvitation"));
        Assert.Equal(["NOT_FOUND"], (await booker.GraphQLAsync(Withdraw, new { id = firstId })).UserErrorCodes("withdrawInvitation"));
        Assert.Equal(["INVALID_TOKEN"], (await anonymous.GraphQLAsync(Accept, new { token = firstToken, password = GoodPassword })).UserErrorCodes("acceptInvitation"));

        await booker.GraphQLAsync(Invite, new { input = new { email = "second@school.example", name = "Second", roles = new[] { "STAFF" } } });
        var (_, secondToken) = await world.LinkSentToAsync("second@school.example", "invitations");
        world.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        Assert.Equal(["INVALID_TOKEN"], (await anonymous.GraphQLAsync(Accept, new { token = secondToken, password = GoodPassword })).UserErrorCodes("acceptInvitation"));
        Assert.Empty((await booker.GraphQLAsync("{ invitations { id } }")).Get("invitations").EnumerateArray());
        Assert.Equal(["INVALID_TOKEN"], (await anonymous.GraphQLAsync(Accept, new { token = "not-a-token", password = GoodPassword })).UserErrorCodes("acceptInvitation"));
        Assert.Equal(0L, await world.ScalarAsync<long>("SELECT count(*) FROM accounts WHERE email LIKE '%@school.example'"));
    }

    [Fact]
    public async Task The_outbox_is_for_admins_only()
    {
        await using var world = await PeopleWorld.StartAsync(postgres);
        using var booker = await world.Silo.SignInAsync(await world.ScalarAsync<string>("SELECT email FROM accounts WHERE email LIKE 'booker.%' ORDER BY id LIMIT 1"));

        var anonymous = await world.Silo.CreateClient().GraphQLAsync("{ outbox { totalCount } }");
        var forbidden = await booker.GraphQLAsync("{ outbox { totalCount } }");

        Assert.Equal("UNAUTHENTICATED", anonymous.Errors.Single().GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("FORBIDDEN", forbidden.Errors.Single().GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)forbidden.StatusCode);
    }
}
