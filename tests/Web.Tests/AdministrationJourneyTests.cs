using System.Globalization;
using System.Text.RegularExpressions;
using InclusionNetwork.Web.Formatting;

namespace InclusionNetwork.Web.Tests;

/// <summary>
/// The account, invitation, leader, token and outbox pages in Chromium with axe-core, the
/// main paths also with JavaScript off; and a new person's way from an invitation email,
/// received by the test's SMTP server, to a booked place, with nobody touching the database.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AdministrationJourneyTests(WebFixture web)
{
    [Fact]
    public async Task An_admin_keeps_accounts_invitations_leaders_and_the_outbox_and_a_person_they_invite_goes_from_the_email_to_a_booked_place()
    {
        var staffSchool = await DemoSetup.SchoolWithStaffAsync(web, staff: 1, skip: 6);
        var accountEmail = await StaffAccountEmailAsync(staffSchool.Urn);
        var leaderName = await LeaderNameAsync("leader9@demo.test");
        var (date, dateText) = UnavailableDate(61);
        var run = await DemoSetup.ScheduleRunAsync(web, capacity: 3);
        var school = await DemoSetup.SchoolWithStaffAsync(web, staff: 1, skip: 9);
        var email = $"new.booker.{Guid.NewGuid():N}@kent.example";
        const string name = "Jordan Newbooker";

        await web.RunJourneysAsync(
            ("administration", new
            {
                accountEmail,
                newName = $"Renamed {Guid.NewGuid().ToString("N")[..6]}",
                refusedEmail = $"unreachable.{Guid.NewGuid():N}@{WebFixture.RefusedDomain}",
                leaderName,
                date,
                dateText,
            }),
            ("adminInvitesBooker", new { email, name, schoolUrn = school.Urn }));

        // End to end: the invitation arrives at the test's SMTP server; nobody touches the database.
        var message = Assert.Single(await web.Smtp.WaitForAsync(1, m => m.To.Mailboxes.Any(b => b.Address == email)));
        var token = InvitationLink().Match(message.TextBody ?? "") is { Success: true } link
            ? link.Groups[1].Value
            : throw new InvalidOperationException($"The invitation email has no /invitations/ link:\n{message.TextBody}");
        await web.RunJourneyAsync("acceptInvitationAndBook", new
        {
            token,
            name,
            courseId = run.CourseId,
            runId = run.RunId,
            person = school.StaffNames[0],
        });
    }

    [Fact]
    public async Task With_javascript_turned_off_a_leader_keeps_their_dates_a_booker_invites_their_own_staff_and_anyone_keeps_their_access_tokens()
    {
        var (date, dateText) = UnavailableDate(62);
        var (urn, staffName) = await StaffWithoutAccountAsync();

        await web.RunJourneysAsync(
            ("leaderOwnDatesWithoutJavaScript", new { leaderEmail = "leader8@demo.test", date, dateText }),
            ("bookerInvitesWithoutJavaScript", new { booker = $"booker.{urn}@demo.test", staffName, email = $"invited.{Guid.NewGuid():N}@kent.example" }),
            ("tokensWithoutJavaScript", null));
    }

    [GeneratedRegex("/invitations/([A-Za-z0-9_\\-]+)")]
    private static partial Regex InvitationLink();

    /// <summary>
    /// A date some weeks ahead as the leader's page takes it and as it shows it; never a Friday,
    /// the demo leaders' days off, so it is not one of their unavailable dates already.
    /// </summary>
    private static (string Date, string Text) UnavailableDate(int daysAhead)
    {
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysAhead);
        date = date.DayOfWeek == DayOfWeek.Friday ? date.AddDays(1) : date;
        return (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Format.Day(date));
    }

    private async Task<string> StaffAccountEmailAsync(string urn)
    {
        using var admin = await web.Silo.SignInAsync("admin@demo.test");
        var accounts = await admin.QueryAsync("query($urn: ID) { accounts(filter: { schoolUrn: $urn, role: STAFF }, first: 1) { nodes { email } } }",
            new { urn }, "accounts.nodes");
        return accounts[0].GetProperty("email").GetString()!;
    }

    /// <summary>A school's member of staff with no email address, so no demo account: one that may be invited.</summary>
    private async Task<(string Urn, string StaffName)> StaffWithoutAccountAsync()
    {
        using var admin = await web.Silo.SignInAsync("admin@demo.test");
        var schools = await admin.QueryAsync("{ schools(first: 60, filter: { phase: PRIMARY }) { nodes { urn staff { name email } } } }", path: "schools.nodes");
        var (urn, staff) = schools.EnumerateArray().Skip(7)
            .Select(s => (s.GetProperty("urn").GetString()!, s.GetProperty("staff").EnumerateArray()
                .FirstOrDefault(m => m.GetProperty("email").ValueKind == System.Text.Json.JsonValueKind.Null)))
            .First(s => s.Item2.ValueKind == System.Text.Json.JsonValueKind.Object);
        return (urn, staff.GetProperty("name").GetString()!);
    }

    private async Task<string> LeaderNameAsync(string email)
    {
        using var admin = await web.Silo.SignInAsync("admin@demo.test");
        var leaders = await admin.QueryAsync("{ inclusionLeaders { name email } }", path: "inclusionLeaders");
        return leaders.EnumerateArray().First(l => l.GetProperty("email").GetString() == email).GetProperty("name").GetString()!;
    }
}
