using System.Globalization;
using System.Text.RegularExpressions;
using InclusionNetwork.Grains.Messages;
using InclusionNetwork.Web.Formatting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InclusionNetwork.Web.Tests;

/// <summary>
/// The account, invitation, leader, token, email choice and outbox pages in Chromium with axe-core, the
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
    public async Task With_javascript_turned_off_a_leader_keeps_their_dates_a_booker_invites_their_own_staff_anyone_keeps_their_access_tokens_and_email_choices_and_a_reminder_link_works_once()
    {
        var (date, dateText) = UnavailableDate(62);
        var (urn, staffName) = await StaffWithoutAccountAsync();
        var reminded = $"reminded.{Guid.NewGuid():N}@kent.example";
        var unsubscribeToken = await ReminderLinkTokenAsync(reminded);

        await web.RunJourneysAsync(
            ("leaderOwnDatesWithoutJavaScript", new { leaderEmail = "leader8@demo.test", date, dateText }),
            ("bookerInvitesWithoutJavaScript", new { booker = $"booker.{urn}@demo.test", staffName, email = $"invited.{Guid.NewGuid():N}@kent.example" }),
            ("tokensWithoutJavaScript", null),
            ("notificationsWithoutJavaScript", new { email = "commissioner@demo.test" }),
            ("unsubscribeWithoutJavaScript", new { token = unsubscribeToken }),
            ("termDatesWithoutJavaScript", new { booker = $"booker.{urn}@demo.test", urn }));

        var store = web.Silo.Services.GetRequiredService<NotificationPreferenceStore>();
        Assert.Equal(new NotificationPreferences(Reminders: false, Prompts: true), await store.GetAsync(reminded));
        Assert.Equal(NotificationPreferences.Everything, await store.GetAsync("commissioner@demo.test"));

        // The training day the booker added in the year the admin added, as the planner will read it.
        using var admin = await web.Silo.SignInAsync("admin@demo.test");
        var days = await admin.QueryAsync($$"""{ school(urn: "{{urn}}") { closureDays(academicYear: "2027/28") { date reason } } }""", path: "school.closureDays");
        Assert.Equal("2027-09-06", Assert.Single(days.EnumerateArray()).GetProperty("date").GetString());
    }

    /// <summary>
    /// A reminder written to the outbox as the reminder jobs write theirs, sent to the test's
    /// SMTP server; the token of the one-click link in the message as it arrived.
    /// </summary>
    private async Task<string> ReminderLinkTokenAsync(string email)
    {
        var outbox = web.Silo.Services.GetRequiredService<Outbox>();
        var composer = web.Silo.Services.GetRequiredService<EmailComposer>();
        await using (var connection = await web.Silo.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            Assert.True(await outbox.EnqueueAsync(connection, transaction,
                new OutboxItem("COURSE_REMINDER", email, composer.Compose("Sam", "Your course starts soon", ["Your course starts next week."]))
                {
                    Category = NotificationCategory.Reminder,
                    EventKey = "web-test:reminder:" + email,
                }));
            await transaction.CommitAsync();
        }
        var message = Assert.Single(await web.Smtp.WaitForAsync(1, m => m.To.Mailboxes.Any(b => b.Address == email)));
        return UnsubscribeLink().Match(message.TextBody ?? "") is { Success: true } link
            ? link.Groups[1].Value
            : throw new InvalidOperationException($"The reminder has no /unsubscribe/ link:\n{message.TextBody}");
    }

    [GeneratedRegex("/unsubscribe/([A-Za-z0-9_\\-]+)")]
    private static partial Regex UnsubscribeLink();

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
