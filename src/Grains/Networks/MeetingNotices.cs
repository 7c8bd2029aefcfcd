using System.Globalization;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Calendars;
using InclusionNetwork.Grains.Messages;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InclusionNetwork.Grains.Networks;

/// <summary>
/// The messages about a network meeting that moved or was cancelled, written in the change's
/// own transaction to the bookers of the network's member schools (for a peer-review cluster's
/// own network, the cluster's schools) and its organisers (the organiser accounts, the
/// organising ILE, the cluster's ILE), with the meeting's calendar invitation as the feeds now
/// show it. Essential: a person who travels to a moved meeting wastes the journey. Keyed by
/// the meeting and its sequence, so a repeat writes nothing.
/// </summary>
public sealed class MeetingNotices(Outbox outbox, EmailComposer composer, VisitAndMeetingInvitations invitations, IOptions<PeopleOptions> people)
{
    private sealed record Recipient(string Email, string Name, string Why);

    /// <summary>Writes the messages for <paramref name="after"/>, the meeting as the change left it; <paramref name="before"/> is how it was.</summary>
    public async Task ChangedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Meeting before, Meeting after)
    {
        var invitation = await invitations.ForMeetingAsync(connection, transaction, after.Id);
        var network = await NetworkNameAsync(connection, transaction, after.NetworkId);
        var (kind, key, subject, what) = after.Cancelled
            ? ("MEETING_CANCELLED", "cancelled", $"Cancelled: {after.Title} on {London.Describe(before.StartsAt)}",
                $"The {network} meeting \u201c{after.Title}\u201d on {London.Describe(before.StartsAt)} has been cancelled.")
            : ("MEETING_MOVED", "moved", $"Moved: {after.Title} is now on {London.Describe(after.StartsAt)}",
                $"The {network} meeting \u201c{after.Title}\u201d has moved from {London.Describe(before.StartsAt)} to {London.Describe(after.StartsAt)}"
                + (after.Location is { } place ? $", at {place}." : "."));
        var calendarWords = after.Cancelled
            ? "The calendar invitation in this email removes the meeting from your calendar."
            : "The calendar invitation in this email updates the meeting in your calendar, or adds it.";
        var page = new Uri($"{people.Value.PublicBaseUrl.TrimEnd('/')}/calendars");
        foreach (var recipient in await RecipientsAsync(connection, transaction, after.NetworkId))
        {
            var email = composer.Compose(recipient.Name, subject,
                [what, $"You are getting this email because {recipient.Why}.", calendarWords, "Your calendars of the programme's events:"],
                page);
            await outbox.EnqueueAsync(connection, transaction, new OutboxItem(kind, recipient.Email, email with { Invitation = invitation })
            {
                EventKey = string.Create(CultureInfo.InvariantCulture, $"meeting:{after.Id}:{key}:{after.Sequence}"),
            });
        }
    }

    private static async Task<string> NetworkNameAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long networkId)
    {
        await using var command = new NpgsqlCommand("SELECT name FROM networks WHERE id = @id", connection, transaction);
        command.Parameters.AddWithValue("id", networkId);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Each address once, with the first reason it has: organisers before bookers.</summary>
    private static async Task<IReadOnlyList<Recipient>> RecipientsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long networkId)
    {
        await using var command = new NpgsqlCommand($"""
            WITH n AS (SELECT id, name, cluster_id, organiser_leader_id FROM networks WHERE id = @network),
            member_schools AS (
                SELECT m.school_urn FROM network_members m WHERE m.network_id = @network
                UNION SELECT cm.school_urn FROM cluster_members cm JOIN n ON cm.cluster_id = n.cluster_id
            )
            SELECT DISTINCT ON (lower(e.email)) e.email, e.name, e.why FROM (
                SELECT a.email, a.name, 'you organise ' || n.name AS why, 1 AS rank
                FROM n JOIN network_organisers o ON o.network_id = n.id JOIN accounts a ON a.id = o.account_id
                WHERE {AccountStatus.LiveSql}
                UNION ALL
                SELECT l.email, l.name, 'you organise ' || n.name, 1
                FROM n JOIN inclusion_leaders l ON l.id = n.organiser_leader_id WHERE l.erased_at IS NULL
                UNION ALL
                SELECT l.email, l.name, 'you lead the cluster ' || n.name || ' belongs to', 1
                FROM n JOIN peer_review_clusters k ON k.id = n.cluster_id JOIN inclusion_leaders l ON l.id = k.leader_id WHERE l.erased_at IS NULL
                UNION ALL
                SELECT a.email, a.name, 'you book for ' || s.name || ', a member of ' || n.name, 2
                FROM n CROSS JOIN member_schools m JOIN schools s ON s.urn = m.school_urn
                JOIN accounts a ON a.school_urn = m.school_urn JOIN account_roles r ON r.account_id = a.id AND r.role = 'SCHOOL_BOOKER'
                WHERE {AccountStatus.LiveSql}
            ) e
            ORDER BY lower(e.email), e.rank
            """, connection, transaction);
        command.Parameters.AddWithValue("network", networkId);
        var recipients = new List<Recipient>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            recipients.Add(new Recipient(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        return recipients;
    }
}
