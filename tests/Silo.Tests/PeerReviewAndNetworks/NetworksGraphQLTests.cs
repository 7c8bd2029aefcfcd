using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.PeerReviewAndNetworks;

/// <summary>Network series through GraphQL: RRULE expansion in London wall-clock time, termly dates, one network by id, one occurrence cancelled or moved, who may.</summary>
[Collection(PostgresCollection.Name)]
public sealed class NetworksGraphQLTests(PostgresFixture postgres)
{
    private const string Create = """
        mutation($input: CreateNetworkInput!) { createNetwork(input: $input) {
          network { id kind recurrence district { id } members { urn } meetings { id startsAt endsAt cancelled } } errors { code message path } } }
        """;

    [Fact]
    public async Task Series_expand_across_the_clock_change_and_single_meetings_are_cancelled_or_moved()
    {
        await using var world = await PeerReviewWorld.StartAsync(postgres, new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero));
        using var admin = await world.SignInAsync("admin@world.test");
        using var leader = await world.SignInAsync("leader1@world.test");
        var urns = PeerReviewWorld.Urns;

        // Tuesdays at 16:00 London: 15:00 UTC before the clocks go back on 25 October, 16:00 UTC after.
        var weekly = await admin.GraphQLAsync(Create, new { input = new {
            name = "Dartford LIFT Forum", kind = "LIFT_FORUM", districtId = "dartford", memberUrns = urns[..3],
            recurrence = "FREQ=WEEKLY;BYDAY=TU;COUNT=3", firstStartsAt = "2026-10-20T16:00:00+01:00", durationMinutes = 90 } });
        Assert.Empty(weekly.UserErrorCodes("createNetwork"));
        var meetings = weekly.Get("createNetwork.network.meetings").EnumerateArray().ToList();
        Assert.Equal(["2026-10-20T15:00:00+00:00", "2026-10-27T16:00:00+00:00", "2026-11-03T16:00:00+00:00"],
            meetings.Select(m => m.GetProperty("startsAt").GetString()));
        Assert.Equal("2026-10-27T17:30:00+00:00", meetings[1].GetProperty("endsAt").GetString());
        var networkId = weekly.Get("createNetwork.network.id").GetString();

        // One network by id, as networks lists them: to anyone signed in, never to the anonymous.
        const string one = "query($id: ID!) { network(id: $id) { name } }";
        Assert.Equal("Dartford LIFT Forum", (await leader.GraphQLAsync(one, new { id = networkId })).Get("network.name").GetString());
        using var anonymous = world.Silo.CreateClient();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await anonymous.GraphQLAsync(one, new { id = networkId })).Get("network").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await leader.GraphQLAsync(one, new { id = "999999" })).Get("network").ValueKind);

        // Second Tuesday of each month, and a termly series of explicit dates.
        var monthly = await admin.GraphQLAsync(Create, new { input = new {
            name = "SENCO Forum", kind = "SENCO_FORUM", memberUrns = urns, recurrence = "FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270101T000000Z",
            firstStartsAt = "2026-10-13T15:45:00+01:00" } });
        Assert.Equal(["2026-10-13T14:45:00+00:00", "2026-11-10T15:45:00+00:00", "2026-12-08T15:45:00+00:00"],
            monthly.Get("createNetwork.network.meetings").EnumerateArray().Select(m => m.GetProperty("startsAt").GetString()));
        var termly = await admin.GraphQLAsync(Create, new { input = new {
            name = "Locality cluster", kind = "LOCALITY_CLUSTER", memberUrns = urns, durationMinutes = 60,
            meetingStarts = new[] { "2027-02-03T16:00:00Z", "2027-06-09T15:00:00Z" } } });
        Assert.Equal(2, termly.Get("createNetwork.network.meetings").GetArrayLength());

        // Bad input: a clear user error, nothing written.
        var before = await world.CountAsync("SELECT count(*) FROM networks");
        var broken = await admin.GraphQLAsync(Create, new { input = new {
            name = "Broken", kind = "OTHER", memberUrns = urns, recurrence = "FREQ=FORTNIGHTLY", firstStartsAt = "2026-10-13T15:45:00+01:00" } });
        Assert.Equal(["INVALID"], broken.UserErrorCodes("createNetwork"));
        // Ical.Net refuses the rule; the message names the part at fault.
        Assert.Contains("FREQ:", broken.Get("createNetwork.errors").EnumerateArray().Single().GetProperty("message").GetString(), StringComparison.Ordinal);
        var monthDayWeekly = await admin.GraphQLAsync(Create, new { input = new {
            name = "Broken", kind = "OTHER", memberUrns = urns, recurrence = "FREQ=WEEKLY;BYMONTHDAY=1", firstStartsAt = "2026-10-13T15:45:00+01:00" } });
        Assert.Equal(["INVALID"], monthDayWeekly.UserErrorCodes("createNetwork"));
        Assert.Contains("BYMONTHDAY:", monthDayWeekly.Get("createNetwork.errors").EnumerateArray().Single().GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(["NOT_FOUND"], (await admin.GraphQLAsync(Create, new { input = new { name = "Nowhere", kind = "OTHER", memberUrns = new[] { "999999" } } }))
            .UserErrorCodes("createNetwork"));
        Assert.Equal(["NOT_ALLOWED"], (await leader.GraphQLAsync(Create, new { input = new { name = "Mine", kind = "OTHER", memberUrns = urns } }))
            .UserErrorCodes("createNetwork"));
        Assert.Equal(before, await world.CountAsync("SELECT count(*) FROM networks"));

        // One occurrence cancelled, another moved; a leader who does not organise the network may do neither.
        const string cancel = """mutation($id: ID!) { cancelMeeting(input: { meetingId: $id }) { meeting { cancelled } errors { code } } }""";
        Assert.Equal(["NOT_ALLOWED"], (await leader.GraphQLAsync(cancel, new { id = meetings[1].GetProperty("id").GetString() })).UserErrorCodes("cancelMeeting"));
        Assert.True((await admin.GraphQLAsync(cancel, new { id = meetings[1].GetProperty("id").GetString() })).Get("cancelMeeting.meeting.cancelled").GetBoolean());
        var moved = await admin.GraphQLAsync("""
            mutation($id: ID!) { moveMeeting(input: { meetingId: $id, startsAt: "2026-11-04T16:00:00Z", endsAt: "2026-11-04T17:30:00Z" }) { meeting { startsAt } errors { code } } }
            """, new { id = meetings[2].GetProperty("id").GetString() });
        Assert.Equal("2026-11-04T16:00:00+00:00", moved.Get("moveMeeting.meeting.startsAt").GetString());
        Assert.Equal(["INVALID"], (await admin.GraphQLAsync("""
            mutation($id: ID!) { scheduleMeeting(input: { networkId: $id, startsAt: "2026-12-01T16:00:00Z", endsAt: "2026-12-01T15:00:00Z" }) { errors { code } } }
            """, new { id = networkId })).UserErrorCodes("scheduleMeeting"));
        var added = await admin.GraphQLAsync("""
            mutation($id: ID!) { scheduleMeeting(input: { networkId: $id, title: "Extra session", startsAt: "2026-12-01T16:00:00Z", endsAt: "2026-12-01T17:00:00Z" }) {
              meeting { title network { name } } errors { code } } }
            """, new { id = networkId });
        Assert.Equal("Dartford LIFT Forum", added.Get("scheduleMeeting.meeting.network.name").GetString());
        Assert.Equal(2, await world.CountAsync("SELECT count(*) FROM meetings WHERE sequence > 0"));

        var listed = await leader.GraphQLAsync("""{ networks(kind: LIFT_FORUM, district: "dartford") { meetings(from: "2026-10-27", to: "2026-11-30") { startsAt cancelled } } }""");
        Assert.Equal([true, false], listed.Get("networks.0.meetings").EnumerateArray().Select(m => m.GetProperty("cancelled").GetBoolean()));
    }
}
