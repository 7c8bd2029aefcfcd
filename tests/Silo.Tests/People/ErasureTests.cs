using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace InclusionNetwork.Silo.Tests.People;

/// <summary>erasePerson over HTTP, and the retention job: personal data goes, every uptake figure stays.</summary>
[Collection(PostgresCollection.Second)]
public sealed class ErasureTests(PostgresFixture postgres)
{
    private const string Erase = "mutation($input: ErasePersonInput!) { erasePerson(input: $input) { erased errors { code path } } }";

    /// <summary>Every measure, every breakdown, every field of <c>uptake</c>.</summary>
    private static string UptakeQuery(string year)
    {
        var measures = new List<string>();
        foreach (var by in new[] { "COUNTY", "AREA", "DISTRICT", "PHASE", "SCHOOL_TYPE" })
        {
            measures.Add($"p{by}: peerReview(groupBy: {by}, academicYear: \"{year}\") {{ group schools schoolsInCluster schoolsReviewed schoolsImplementingActions participationRate coverageRate }}");
            measures.Add($"l{by}: leadership(groupBy: {by}, academicYear: \"{year}\") {{ group schools schoolsWithSeniorAndMiddleLeader rate }}");
            measures.Add($"t{by}: training(groupBy: {by}, academicYear: \"{year}\") {{ group schools schoolsEngaged bookings completions completionRate engagementRate }}");
        }
        measures.Add($"evaluations(academicYear: \"{year}\") {{ responses goodOrExcellentRate improvedKnowledgeRate improvedConfidenceRate followUps implementedRate suppressed }}");
        return "{ uptake { " + string.Join(' ', measures) + " } }";
    }

    private static async Task<string> UptakeAsync(HttpClient admin)
    {
        var figures = new List<string>();
        foreach (var year in new[] { "2025/26", "2026/27" })
        {
            var response = await admin.GraphQLAsync(UptakeQuery(year));
            figures.Add(response.Get("uptake").GetRawText());
        }
        return string.Join('\n', figures);
    }

    [Fact]
    public async Task Erasing_a_member_of_staff_removes_their_personal_data_everywhere_and_leaves_every_uptake_figure_the_same()
    {
        await using var world = await PeopleWorld.StartAsync(postgres);
        using var admin = await world.Silo.SignInAsync("admin@demo.test");
        // The member of staff with an account who has the most completed, evaluated bookings.
        var staffId = await world.ScalarAsync<long>("""
            SELECT s.id FROM staff s JOIN accounts a ON a.staff_id = s.id JOIN bookings b ON b.staff_id = s.id LEFT JOIN evaluations e ON e.booking_id = b.id
            GROUP BY s.id ORDER BY count(e.booking_id) DESC, count(*) DESC, s.id LIMIT 1
            """);
        var email = $"staff.{staffId}@demo.test";
        Assert.Equal(1L, await world.ScalarAsync<long>("SELECT count(*) FROM accounts WHERE email = @e", ("e", email)));
        await world.Database.CreateCommand($"""
            UPDATE evaluations SET comments = 'I am Jo, I loved it' WHERE booking_id IN (SELECT id FROM bookings WHERE staff_id = {staffId});
            UPDATE follow_ups SET notes = 'My own notes' WHERE booking_id IN (SELECT id FROM bookings WHERE staff_id = {staffId});
            """).ExecuteNonQueryAsync();
        using var person = await world.Silo.SignInAsync(email);
        await person.GraphQLAsync("mutation { createCalendarFeed(input: { scope: STAFF }) { feed { url } } }");
        await world.Silo.CreateClient().GraphQLAsync("mutation { requestPasswordReset(input: { email: \"" + email + "\" }) { accepted } }");
        await world.LinkSentToAsync(email, "reset-password");
        var before = await UptakeAsync(admin);

        var erased = await admin.GraphQLAsync(Erase, new { input = new { staffId = staffId.ToString(CultureInfo.InvariantCulture) } });

        Assert.Empty(erased.UserErrorCodes("erasePerson"));
        Assert.True(erased.Get("erasePerson.erased").GetBoolean());
        Assert.Equal(before, await UptakeAsync(admin));
        Assert.Equal("Erased person", await world.ScalarAsync<string>("SELECT name FROM staff WHERE id = @id", ("id", staffId)));
        Assert.Equal(0L, await world.ScalarAsync<long>("SELECT count(*) FROM staff WHERE id = @id AND email IS NOT NULL", ("id", staffId)));
        Assert.Equal("Erased person", await world.ScalarAsync<string>("SELECT name FROM accounts WHERE staff_id = @id", ("id", staffId)));
        Assert.Equal(0L, await world.ScalarAsync<long>("SELECT count(*) FROM accounts WHERE lower(email) = @e", ("e", email)));
        Assert.Equal(0L, await world.ScalarAsync<long>($"SELECT count(*) FROM evaluations WHERE comments IS NOT NULL AND booking_id IN (SELECT id FROM bookings WHERE staff_id = {staffId})"));
        Assert.Equal(0L, await world.ScalarAsync<long>($"SELECT count(*) FROM follow_ups WHERE notes IS NOT NULL AND booking_id IN (SELECT id FROM bookings WHERE staff_id = {staffId})"));
        Assert.Equal(0L, await world.ScalarAsync<long>("SELECT count(*) FROM access_tokens t JOIN accounts a ON a.id = t.account_id WHERE a.staff_id = @id", ("id", staffId)));
        Assert.Equal(0L, await world.ScalarAsync<long>("SELECT count(*) FROM calendar_feeds f JOIN accounts a ON a.id = f.account_id WHERE a.staff_id = @id", ("id", staffId)));
        Assert.Equal(0L, await world.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE lower(recipient_email) = @e OR body LIKE '%' || @e || '%'", ("e", email)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await person.PostAsJsonAsync("/graphql", new { query = "{ me { email } }" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await world.Silo.CreateClient().PostAsJsonAsync("/auth/token", new { email, password = SiloHost.DemoPassword })).StatusCode);
    }

    [Fact]
    public async Task Only_admins_may_erase_and_a_mismatched_or_unknown_person_is_refused_with_nothing_changed()
    {
        await using var world = await PeopleWorld.StartAsync(postgres);
        using var admin = await world.Silo.SignInAsync("admin@demo.test");
        var staffId = await world.ScalarAsync<long>("SELECT staff_id FROM accounts WHERE email LIKE 'staff.%' ORDER BY id LIMIT 1");
        var otherAccount = await world.ScalarAsync<long>("SELECT id FROM accounts WHERE email = 'provider@demo.test'");
        var bookerEmail = await world.ScalarAsync<string>("SELECT email FROM accounts WHERE email LIKE 'booker.%' ORDER BY id LIMIT 1");
        var input = new { staffId = staffId.ToString(CultureInfo.InvariantCulture) };

        foreach (var email in new[] { bookerEmail, "commissioner@demo.test", "leader1@demo.test", "provider@demo.test" })
        {
            using var client = await world.Silo.SignInAsync(email);
            Assert.Equal(["NOT_ALLOWED"], (await client.GraphQLAsync(Erase, new { input })).UserErrorCodes("erasePerson"));
        }
        Assert.Equal(["NOT_ALLOWED"], (await world.Silo.CreateClient().GraphQLAsync(Erase, new { input })).UserErrorCodes("erasePerson"));
        Assert.Equal(["INVALID"], (await admin.GraphQLAsync(Erase, new { input = new { } })).UserErrorCodes("erasePerson"));
        Assert.Equal(["NOT_FOUND"], (await admin.GraphQLAsync(Erase, new { input = new { staffId = "99999999" } })).UserErrorCodes("erasePerson"));
        Assert.Equal(["INVALID"], (await admin.GraphQLAsync(Erase, new { input = new { staffId = input.staffId, accountId = otherAccount.ToString(CultureInfo.InvariantCulture) } })).UserErrorCodes("erasePerson"));
        var adminId = await world.ScalarAsync<long>("SELECT id FROM accounts WHERE email = 'admin@demo.test'");
        Assert.Equal(["NOT_ALLOWED"], (await admin.GraphQLAsync(Erase, new { input = new { accountId = adminId.ToString(CultureInfo.InvariantCulture) } })).UserErrorCodes("erasePerson"));
        Assert.Equal(0L, await world.ScalarAsync<long>("SELECT count(*) FROM staff WHERE erased_at IS NOT NULL"));
        Assert.Equal(0L, await world.ScalarAsync<long>("SELECT count(*) FROM accounts WHERE erased_at IS NOT NULL"));
    }

    [Fact]
    public async Task The_retention_job_erases_staff_removed_longer_ago_than_the_erasure_period_and_no_one_else()
    {
        var today = Bookings.BookingWorld.Today;
        await using var world = await PeopleWorld.StartAsync(postgres);
        // The silo registered the cluster's one retention reminder when it started.
        Assert.Equal(1L, await world.ScalarAsync<long>("SELECT count(*) FROM OrleansRemindersTable WHERE ReminderName = 'retention'"));
        var (longGone, recentlyGone) = (await world.ScalarAsync<long>("SELECT min(id) FROM staff WHERE removed_at IS NULL"),
            await world.ScalarAsync<long>("SELECT max(id) FROM staff WHERE removed_at IS NULL"));
        await world.Database.CreateCommand($"""
            UPDATE staff SET removed_at = '{(today - TimeSpan.FromDays(7 * 365)).UtcDateTime:O}' WHERE id = {longGone};
            UPDATE staff SET removed_at = '{(today - TimeSpan.FromDays(5 * 365)).UtcDateTime:O}' WHERE id = {recentlyGone};
            """).ExecuteNonQueryAsync();

        // What a reminder tick does.
        var run = await world.Silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IRetentionGrain>(RetentionGrain.ClusterKey).RunAsync();

        Assert.Equal((1, today), (run.LastRunErased, run.LastRunAt));
        Assert.Equal("Erased person", await world.ScalarAsync<string>("SELECT name FROM staff WHERE id = @id", ("id", longGone)));
        Assert.NotEqual("Erased person", await world.ScalarAsync<string>("SELECT name FROM staff WHERE id = @id", ("id", recentlyGone)));
        Assert.Equal(1L, await world.ScalarAsync<long>("SELECT count(*) FROM staff WHERE erased_at IS NOT NULL"));
    }
}
