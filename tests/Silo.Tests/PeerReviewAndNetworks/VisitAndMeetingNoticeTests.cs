using System.Text.Json;
using InclusionNetwork.Grains.Calendars;
using InclusionNetwork.Grains.PeerReview;
using InclusionNetwork.Silo.Tests.Calendars;
using InclusionNetwork.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Orleans;

namespace InclusionNetwork.Silo.Tests.PeerReviewAndNetworks;

/// <summary>
/// What the people a visit or a network meeting concerns hear, end to end: GraphQL changes and
/// reminder ticks on a real silo, messages received by a real SMTP server, and the calendar
/// invitations read with Python's icalendar, their UID and SEQUENCE those of the feeds.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class VisitAndMeetingNoticeTests(PostgresFixture postgres)
{
    private const string Schedule = """
        mutation($id: ID!, $date: Date!, $reviewers: [ID!]!) { scheduleVisit(input: { visitId: $id, date: $date, reviewerStaffIds: $reviewers }) {
          visit { id status } errors { code message } } }
        """;

    private static readonly string[] ConfirmedRecipients =
        ["booker.990001@world.test", "leader1@world.test", "senco.990002@world.test", "senco.990003@world.test"];

    /// <summary>After the move, D's SENCO reviews in place of C's.</summary>
    private static readonly string[] MovedRecipients =
        ["booker.990001@world.test", "leader1@world.test", "senco.990002@world.test", "senco.990004@world.test"];

    private static readonly string[] ReminderRecipients = ["booker.990001@world.test", "leader1@world.test"];

    [Fact]
    public async Task A_visit_tells_its_people_of_each_change_and_reminds_the_host_of_what_is_due()
    {
        var smtp = TestSmtpServer.Start();
        await using var _ = smtp;
        await using var world = await PeerReviewWorld.StartAsync(postgres, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
            [.. smtp.Settings, new("App:PublicBaseUrl", "https://inclusion.county.example")]);
        var (a, b, c, d) = (PeerReviewWorld.Urns[0], PeerReviewWorld.Urns[1], PeerReviewWorld.Urns[2], PeerReviewWorld.Urns[3]);
        var senco = world.Staff.ToDictionary(s => s.Key, s => s.Value.Senco.ToString());
        var leader = await world.SignInAsync("leader1@world.test");
        var grains = world.Silo.Services.GetRequiredService<IGrainFactory>();

        var clusterId = (await leader.GraphQLAsync("""
            mutation($urns: [ID!]!) { createCluster(input: { name: "North", academicYear: "2026/27", memberUrns: $urns }) { cluster { id } errors { code } } }
            """, new { urns = new[] { a, b, c, d } })).Get("createCluster.cluster.id").GetString()!;
        var visitOf = (await leader.GraphQLAsync("""
            mutation($id: ID!) { planReviewCycle(input: { clusterId: $id, academicYear: "2026/27" }) { cycle { visits { id host { urn } } } errors { code } } }
            """, new { id = clusterId })).Get("planReviewCycle.cycle.visits").EnumerateArray()
            .ToDictionary(v => v.GetProperty("host").GetProperty("urn").GetString()!, v => long.Parse(v.GetProperty("id").GetString()!));
        var visitA = visitOf[a];
        Assert.Equal(0, await world.CountAsync("SELECT count(*) FROM notifications")); // a plan is not announced

        // Confirmed: the host's booker, both reviewers and the ILE, each with an invitation that matches the feed.
        Assert.Empty((await leader.GraphQLAsync(Schedule, new { id = visitA.ToString(), date = "2027-02-02", reviewers = new[] { senco[b], senco[c] } }))
            .UserErrorCodes("scheduleVisit"));
        var confirmed = await ReceivedAsync(smtp, "VISIT_CONFIRMED", ConfirmedRecipients);
        Assert.Contains("confirmed for Tuesday 2 February 2027", confirmed[0].Subject);
        Assert.All(confirmed, m => Assert.Contains($"https://inclusion.county.example/ile/clusters/{clusterId}/visits/{visitA}", m.TextBody));
        Assert.Contains("because you are one of the visit's reviewers", confirmed.Single(m => Is(m, "senco.990002@world.test")).TextBody);
        Assert.Contains("because you book for School A", confirmed.Single(m => Is(m, "booker.990001@world.test")).TextBody);
        Assert.All(confirmed, m => Assert.Null(m.Headers[HeaderId.ListUnsubscribe])); // essential: nobody can turn it off
        await AssertInvitationMatchesFeedAsync(world, confirmed[0], "REQUEST", visitA);

        // Moved, with D's SENCO in place of C's: the same UID with a higher SEQUENCE, so calendars
        // move the entry they have; C's SENCO gets a CANCEL for theirs.
        Assert.Empty((await leader.GraphQLAsync(Schedule, new { id = visitA.ToString(), date = "2027-02-03", reviewers = new[] { senco[b], senco[d] } }))
            .UserErrorCodes("scheduleVisit"));
        var moved = await ReceivedAsync(smtp, "VISIT_MOVED", MovedRecipients);
        var released = await ReceivedAsync(smtp, "VISIT_REVIEWER_RELEASED", ["senco.990003@world.test"]);
        Assert.Contains("You are no longer one of the reviewers", released[0].TextBody);
        await AssertInvitationMatchesFeedAsync(world, released[0], "CANCEL", visitA);
        Assert.Contains("has moved from Tuesday 2 February 2027 to Wednesday 3 February 2027", moved[0].TextBody);
        var movedSequence = await AssertInvitationMatchesFeedAsync(world, moved[0], "REQUEST", visitA);
        Assert.True(movedSequence > (await InvitationAsync(confirmed[0])).GetProperty("events")[0].GetProperty("sequence").GetInt32());

        // B's visit: its self-evaluation comes in time, so B is never reminded of it.
        Assert.Empty((await leader.GraphQLAsync(Schedule, new { id = visitOf[b].ToString(), date = "2027-01-12", reviewers = new[] { senco[a], senco[d] } }))
            .UserErrorCodes("scheduleVisit"));
        using (var bookerB = await world.SignInAsync($"booker.{b}@world.test"))
        {
            Assert.Empty((await bookerB.GraphQLAsync("""
                mutation($id: ID!) { submitSelfEvaluation(input: { visitId: $id, summary: "Ready.", focusAreas: [WELLBEING] }) { errors { code } } }
                """, new { id = visitOf[b].ToString() })).UserErrorCodes("submitSelfEvaluation"));
        }

        // A's self-evaluation is due on 27 January (5 working days before the visit); the reminder
        // goes 5 working days before that, on 20 January, and not a day earlier.
        async Task SettleAsync(long visit, DateTimeOffset at)
        {
            world.Clock.Set(at);
            await grains.GetGrain<IReviewVisitGrain>(visit).SettleDueAsync();
        }
        await SettleAsync(visitA, new DateTimeOffset(2027, 1, 19, 9, 0, 0, TimeSpan.Zero));
        await SettleAsync(visitOf[b], new DateTimeOffset(2027, 1, 19, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await world.CountAsync("SELECT count(*) FROM notifications WHERE kind LIKE 'SELF_EVALUATION%'"));
        // The reminder ticks twice; it is written, and sent, once to each.
        await SettleAsync(visitA, new DateTimeOffset(2027, 1, 20, 9, 0, 0, TimeSpan.Zero));
        await SettleAsync(visitA, new DateTimeOffset(2027, 1, 20, 9, 1, 0, TimeSpan.Zero));
        Assert.Equal(2, await world.CountAsync("SELECT count(*) FROM notifications WHERE kind = 'SELF_EVALUATION_DUE'"));
        var due = await ReceivedAsync(smtp, "SELF_EVALUATION_DUE", ReminderRecipients);
        Assert.Contains("due by Wednesday 27 January 2027", due[0].TextBody);
        Assert.All(due, m => Assert.StartsWith("<https://inclusion.county.example/unsubscribe/", m.Headers[HeaderId.ListUnsubscribe]));

        await SettleAsync(visitA, new DateTimeOffset(2027, 1, 28, 9, 0, 0, TimeSpan.Zero));
        await SettleAsync(visitA, new DateTimeOffset(2027, 1, 28, 10, 0, 0, TimeSpan.Zero));
        var overdue = await ReceivedAsync(smtp, "SELF_EVALUATION_OVERDUE", ReminderRecipients);
        Assert.Contains("has not been given", overdue[0].TextBody);
        Assert.Equal(2, await world.CountAsync("SELECT count(*) FROM notifications WHERE kind = 'SELF_EVALUATION_OVERDUE'"));

        // Cancelled: METHOD:CANCEL with the feed's UID and SEQUENCE.
        leader = await world.SignInAsync("leader1@world.test");
        Assert.Equal("CANCELLED", (await leader.GraphQLAsync("""
            mutation($id: ID!) { cancelVisit(input: { visitId: $id }) { visit { status } errors { code } } }
            """, new { id = visitA.ToString() })).Get("cancelVisit.visit.status").GetString());
        var cancelled = await ReceivedAsync(smtp, "VISIT_CANCELLED", MovedRecipients);
        Assert.True(await AssertInvitationMatchesFeedAsync(world, cancelled[0], "CANCEL", visitA) > movedSequence);
        // Nothing more is due on a cancelled visit, however often it ticks.
        await SettleAsync(visitA, new DateTimeOffset(2027, 1, 29, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await world.CountAsync($"SELECT count(*) FROM notifications WHERE event_key LIKE 'visit:{visitA}:self-evaluation%' AND created_at > '2027-01-28T12:00Z'"));

        // B's visit is held and reported; twelve weeks on its impact review is due.
        world.Clock.Set(new DateTimeOffset(2027, 1, 12, 15, 0, 0, TimeSpan.Zero));
        leader = await world.SignInAsync("leader1@world.test");
        Assert.Empty((await leader.GraphQLAsync("mutation($id: ID!) { completeVisit(input: { visitId: $id }) { errors { code } } }",
            new { id = visitOf[b].ToString() })).UserErrorCodes("completeVisit"));
        Assert.Empty((await leader.GraphQLAsync("""
            mutation($id: ID!) { submitReviewReport(input: { visitId: $id, strengths: "Calm.", areasForDevelopment: "Reading.",
              actions: [{ description: "Audit reading." }] }) { errors { code } } }
            """, new { id = visitOf[b].ToString() })).UserErrorCodes("submitReviewReport"));
        await SettleAsync(visitOf[b], new DateTimeOffset(2027, 4, 6, 8, 30, 0, TimeSpan.Zero));
        await SettleAsync(visitOf[b], new DateTimeOffset(2027, 4, 6, 8, 31, 0, TimeSpan.Zero));
        var impact = await ReceivedAsync(smtp, "IMPACT_REVIEW_DUE", ["booker.990002@world.test", "leader1@world.test"]);
        Assert.Contains("impact review", impact[0].TextBody);
        Assert.Equal(2, await world.CountAsync("SELECT count(*) FROM notifications WHERE kind = 'IMPACT_REVIEW_DUE'"));
        Assert.Equal(0, await world.CountAsync($"SELECT count(*) FROM notifications WHERE kind LIKE 'SELF_EVALUATION%' AND event_key LIKE 'visit:{visitOf[b]}:%'"));
    }

    [Fact]
    public async Task A_moved_or_cancelled_meeting_tells_its_members_bookers_and_organisers_with_an_invitation()
    {
        var smtp = TestSmtpServer.Start();
        await using var _ = smtp;
        await using var world = await PeerReviewWorld.StartAsync(postgres, new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero), [.. smtp.Settings]);
        using var admin = await world.SignInAsync("admin@world.test");
        var created = await admin.GraphQLAsync("""
            mutation($input: CreateNetworkInput!) { createNetwork(input: $input) { network { id meetings { id } } errors { code message } } }
            """, new { input = new {
                name = "Dartford SENCO Forum", kind = "SENCO_FORUM", memberUrns = PeerReviewWorld.Urns[..2],
                recurrence = "FREQ=WEEKLY;BYDAY=TU;COUNT=2", firstStartsAt = "2026-11-03T16:00:00+00:00", durationMinutes = 90 } });
        Assert.Empty(created.UserErrorCodes("createNetwork"));
        var meetings = created.Get("createNetwork.network.meetings").EnumerateArray().Select(m => long.Parse(m.GetProperty("id").GetString()!)).ToList();
        string[] recipients = ["admin@world.test", "booker.990001@world.test", "booker.990002@world.test"];

        var move = await admin.GraphQLAsync("""
            mutation($id: ID!) { moveMeeting(input: { meetingId: $id, startsAt: "2026-11-04T16:00:00+00:00", endsAt: "2026-11-04T17:30:00+00:00", location: "Civic Centre" }) {
              meeting { id } errors { code } } }
            """, new { id = meetings[0].ToString() });
        Assert.Empty(move.UserErrorCodes("moveMeeting"));
        var moved = await ReceivedAsync(smtp, "MEETING_MOVED", recipients);
        Assert.Contains("has moved from Tuesday 3 November 2026 at 16:00 to Wednesday 4 November 2026 at 16:00, at Civic Centre.", moved[0].TextBody);
        Assert.Contains("because you book for School A, a member of Dartford SENCO Forum", moved.Single(m => Is(m, "booker.990001@world.test")).TextBody);
        await AssertMeetingInvitationMatchesFeedAsync(world, moved[0], "REQUEST", meetings[0]);

        Assert.Empty((await admin.GraphQLAsync("mutation($id: ID!) { cancelMeeting(input: { meetingId: $id }) { errors { code } } }",
            new { id = meetings[1].ToString() })).UserErrorCodes("cancelMeeting"));
        var cancelled = await ReceivedAsync(smtp, "MEETING_CANCELLED", recipients);
        Assert.Contains("on Tuesday 10 November 2026 at 16:00 has been cancelled", cancelled[0].TextBody);
        await AssertMeetingInvitationMatchesFeedAsync(world, cancelled[0], "CANCEL", meetings[1]);
        // A refused change says nothing.
        Assert.NotEmpty((await admin.GraphQLAsync("mutation($id: ID!) { cancelMeeting(input: { meetingId: $id }) { errors { code } } }",
            new { id = meetings[1].ToString() })).UserErrorCodes("cancelMeeting"));
        Assert.Equal(6, await world.CountAsync("SELECT count(*) FROM notifications"));
    }

    private static bool Is(MimeMessage message, string address) => message.To.Mailboxes.Any(m => m.Address == address);

    /// <summary>Waits for one message of the kind to each address, and checks no address got two.</summary>
    private static async Task<IReadOnlyList<MimeMessage>> ReceivedAsync(TestSmtpServer smtp, string kind, IReadOnlyList<string> addresses)
    {
        var received = await smtp.WaitForAsync(addresses.Count, m => m.Headers["X-Outbox-Kind"] == kind);
        Assert.Equal(addresses.Order(), received.SelectMany(m => m.To.Mailboxes.Select(a => a.Address)).Order());
        return received;
    }

    private static async Task<JsonElement> InvitationAsync(MimeMessage message)
    {
        var calendar = Assert.Single(message.BodyParts.OfType<TextPart>(), p => p.ContentType.IsMimeType("text", "calendar"));
        return await CalendarTools.IcalendarAsync(calendar.Text);
    }

    /// <returns>The invitation's SEQUENCE.</returns>
    private static async Task<int> AssertInvitationMatchesFeedAsync(PeerReviewWorld world, MimeMessage message, string method, long visitId)
    {
        var invitation = await InvitationAsync(message);
        var feed = Assert.Single(await world.Silo.Services.GetRequiredService<VisitFeedQuery>().ForVisitAsync(visitId, ReviewerNaming.Everyone));
        return AssertMatches(invitation, method, feed);
    }

    private static async Task AssertMeetingInvitationMatchesFeedAsync(PeerReviewWorld world, MimeMessage message, string method, long meetingId)
    {
        var invitation = await InvitationAsync(message);
        var feed = Assert.Single(await world.Silo.Services.GetRequiredService<MeetingFeedQuery>().ForSchoolAsync(PeerReviewWorld.Urns[0], null),
            e => e.Uid == EventUids.Meeting(meetingId));
        AssertMatches(invitation, method, feed);
    }

    private static int AssertMatches(JsonElement invitation, string method, FeedEvent feed)
    {
        Assert.Equal(method, invitation.GetProperty("method").GetString());
        var vevent = Assert.Single(invitation.GetProperty("events").EnumerateArray());
        Assert.Equal(feed.Uid, vevent.GetProperty("uid").GetString());
        Assert.Equal(feed.Sequence, vevent.GetProperty("sequence").GetInt32());
        Assert.Equal(method == "CANCEL" ? "CANCELLED" : "CONFIRMED", vevent.GetProperty("status").GetString());
        return feed.Sequence;
    }
}
