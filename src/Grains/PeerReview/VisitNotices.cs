using System.Globalization;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Calendars;
using InclusionNetwork.Grains.Messages;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>What happened to a visit that the people it concerns are told of.</summary>
public enum VisitChange
{
    Confirmed,
    Moved,
    Changed,
    Cancelled,
}

/// <summary>What is due on a visit that its host and ILE are reminded of.</summary>
public enum VisitDue
{
    SelfEvaluationDue,
    SelfEvaluationOverdue,
    ImpactReviewDue,
}

/// <summary>
/// The messages about a visit. A change (confirmed, moved, cancelled) is written in the
/// change's own transaction to the host school's bookers, the reviewers and the cluster's ILE,
/// with the calendar invitation of the visit as the feeds now show it; it is essential, as a
/// wasted journey or a missed visit costs a school a day. What is due (self-evaluation,
/// impact review) goes to the host's bookers and the ILE as a reminder they may turn off.
/// Each message is keyed by the visit and the change's sequence (or the due date), so a
/// repeat of one event writes nothing.
/// </summary>
public sealed class VisitNotices(NpgsqlDataSource dataSource, Outbox outbox, EmailComposer composer, VisitAndMeetingInvitations invitations,
    IOptions<PeopleOptions> people)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private sealed record Facts(long ClusterId, string ClusterName, string Host, DateOnly? Date, int Sequence);

    private sealed record Recipient(string Email, string Name, string Why);

    /// <summary>Writes the change's messages inside its transaction; <paramref name="before"/> is the visit as it was.</summary>
    public async Task ChangedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ReviewVisit before, VisitChange change)
    {
        if (await FactsAsync(connection, transaction, before.Id) is not { } facts)
        {
            return;
        }
        var invitation = await invitations.ForVisitAsync(connection, transaction, before.Id);
        var on = Format(facts.Date);
        var (kind, subject, what) = change switch
        {
            VisitChange.Confirmed => ("VISIT_CONFIRMED", $"Peer review visit to {facts.Host} confirmed for {on}",
                $"The peer review visit to {facts.Host} is confirmed for {on}."),
            VisitChange.Moved => ("VISIT_MOVED", $"Peer review visit to {facts.Host} moved to {on}",
                $"The peer review visit to {facts.Host} has moved from {Format(before.Date)} to {on}."),
            VisitChange.Changed => ("VISIT_CHANGED", $"Peer review visit to {facts.Host} on {on} changed",
                $"The reviewers or focus areas of the peer review visit to {facts.Host} on {on} have changed."),
            _ => ("VISIT_CANCELLED", $"Peer review visit to {facts.Host} on {Format(before.Date)} cancelled",
                $"The peer review visit to {facts.Host} on {Format(before.Date)} has been cancelled. Nobody needs to attend that day."),
        };
        var calendarWords = change == VisitChange.Cancelled
            ? "The calendar invitation in this email removes the visit from your calendar."
            : "The calendar invitation in this email adds the visit to your calendar, or updates it if it is there already.";
        foreach (var recipient in await RecipientsAsync(connection, transaction, before.Id, withReviewers: true))
        {
            var email = composer.Compose(recipient.Name, subject,
                [what, $"You are getting this email because {recipient.Why} ({facts.ClusterName} peer review cluster).", calendarWords, "See the visit:"],
                VisitPage(facts.ClusterId, before.Id));
            await outbox.EnqueueAsync(connection, transaction,
                new OutboxItem(kind, recipient.Email, email with { Invitation = invitation })
                {
                    EventKey = string.Create(CultureInfo.InvariantCulture, $"visit:{before.Id}:{Key(change)}:{facts.Sequence}"),
                });
        }
    }

    /// <summary>
    /// Tells reviewers taken off a visit that still goes ahead that they need not come, with a
    /// CANCEL for the entry their calendar has; inside the change's transaction.
    /// </summary>
    public async Task ReleasedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ReviewVisit before, IReadOnlyCollection<long> staffIds)
    {
        if (staffIds.Count == 0 || await FactsAsync(connection, transaction, before.Id) is not { } facts)
        {
            return;
        }
        var invitation = await invitations.WithdrawnFromVisitAsync(connection, transaction, before.Id);
        await using var command = new NpgsqlCommand(
            "SELECT email, name FROM staff WHERE id = ANY(@ids) AND email IS NOT NULL AND removed_at IS NULL ORDER BY id", connection, transaction);
        command.Parameters.AddWithValue("ids", staffIds.ToArray());
        var released = new List<(string Email, string Name)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                released.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        var subject = $"You are no longer reviewing at {facts.Host} on {Format(before.Date)}";
        foreach (var (address, name) in released)
        {
            var email = composer.Compose(name, subject,
                [$"You are no longer one of the reviewers of the peer review visit to {facts.Host} on {Format(before.Date)}. You do not need to go.",
                 $"You are getting this email because you were one of the visit's reviewers ({facts.ClusterName} peer review cluster).",
                 "The calendar invitation in this email removes the visit from your calendar.", "See the visit:"],
                VisitPage(facts.ClusterId, before.Id));
            await outbox.EnqueueAsync(connection, transaction, new OutboxItem("VISIT_REVIEWER_RELEASED", address, email with { Invitation = invitation })
            {
                EventKey = string.Create(CultureInfo.InvariantCulture, $"visit:{before.Id}:released:{facts.Sequence}"),
            });
        }
    }

    /// <summary>Writes the reminder of what is due on <paramref name="dueOn"/>, in a transaction of its own.</summary>
    public async Task DueAsync(ReviewVisit visit, VisitDue due, DateOnly dueOn)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (await FactsAsync(connection, transaction, visit.Id) is not { } facts)
        {
            return;
        }
        var (kind, key, subject, what) = due switch
        {
            VisitDue.SelfEvaluationDue => ("SELF_EVALUATION_DUE", "self-evaluation-due",
                $"Self-evaluation due by {Format(dueOn)}: peer review visit to {facts.Host}",
                $"The self-evaluation for the peer review visit to {facts.Host} on {Format(facts.Date)} is due by {Format(dueOn)}. The reviewers read it before they come."),
            VisitDue.SelfEvaluationOverdue => ("SELF_EVALUATION_OVERDUE", "self-evaluation-overdue",
                $"Self-evaluation overdue: peer review visit to {facts.Host}",
                $"The self-evaluation for the peer review visit to {facts.Host} on {Format(facts.Date)} was due by {Format(dueOn)} and has not been given. It can be given until the day before the visit."),
            _ => ("IMPACT_REVIEW_DUE", "impact-review-due",
                $"Impact review due: peer review visit to {facts.Host}",
                $"The impact review of the peer review visit to {facts.Host} on {Format(facts.Date)} is due on {Format(dueOn)}: review the actions agreed in the report."),
        };
        foreach (var recipient in await RecipientsAsync(connection, transaction, visit.Id, withReviewers: false))
        {
            var email = composer.Compose(recipient.Name, subject,
                [what, $"You are getting this reminder because {recipient.Why} ({facts.ClusterName} peer review cluster).", "Give it on the visit's page:"],
                VisitPage(facts.ClusterId, visit.Id));
            await outbox.EnqueueAsync(connection, transaction, new OutboxItem(kind, recipient.Email, email)
            {
                Category = NotificationCategory.Reminder,
                EventKey = string.Create(CultureInfo.InvariantCulture, $"visit:{visit.Id}:{key}:{dueOn:yyyy-MM-dd}"),
            });
        }
        await transaction.CommitAsync();
    }

    private Uri VisitPage(long clusterId, long visitId) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{people.Value.PublicBaseUrl.TrimEnd('/')}/ile/clusters/{clusterId}/visits/{visitId}"));

    private static string Key(VisitChange change) => change switch
    {
        VisitChange.Confirmed => "confirmed",
        VisitChange.Moved => "moved",
        VisitChange.Changed => "changed",
        _ => "cancelled",
    };

    private static string Format(DateOnly? date) => date is { } d ? d.ToString("dddd d MMMM yyyy", English) : "a date not yet set";

    private static async Task<Facts?> FactsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long visitId)
    {
        await using var command = new NpgsqlCommand("""
            SELECT k.id, k.name, h.name, v.visit_date, v.sequence
            FROM review_visits v JOIN review_cycles rc ON rc.id = v.cycle_id JOIN peer_review_clusters k ON k.id = rc.cluster_id
            JOIN schools h ON h.urn = v.host_urn
            WHERE v.id = @visit
            """, connection, transaction);
        command.Parameters.AddWithValue("visit", visitId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new Facts(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3), reader.GetInt32(4))
            : null;
    }

    /// <summary>The cluster's ILE, the host's bookers and (for changes) the reviewers with an address: each address once, with the first reason it has.</summary>
    private static async Task<IReadOnlyList<Recipient>> RecipientsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long visitId, bool withReviewers)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT DISTINCT ON (lower(e.email)) e.email, e.name, e.why FROM (
                SELECT l.email, l.name, 'you are the cluster''s inclusion leader' AS why, 1 AS rank
                FROM review_visits v JOIN review_cycles rc ON rc.id = v.cycle_id JOIN peer_review_clusters k ON k.id = rc.cluster_id
                JOIN inclusion_leaders l ON l.id = k.leader_id
                WHERE v.id = @visit AND l.erased_at IS NULL
                UNION ALL
                SELECT a.email, a.name, 'you book for ' || h.name || ', the school the visit is to', 2
                FROM review_visits v JOIN schools h ON h.urn = v.host_urn
                JOIN accounts a ON a.school_urn = v.host_urn JOIN account_roles r ON r.account_id = a.id AND r.role = 'SCHOOL_BOOKER'
                WHERE v.id = @visit AND {AccountStatus.LiveSql}
                UNION ALL
                SELECT s.email, s.name, 'you are one of the visit''s reviewers', 3
                FROM visit_reviewers vr JOIN staff s ON s.id = vr.staff_id
                WHERE @reviewers AND vr.visit_id = @visit AND s.email IS NOT NULL AND s.removed_at IS NULL
            ) e
            ORDER BY lower(e.email), e.rank
            """, connection, transaction);
        command.Parameters.AddWithValue("visit", visitId);
        command.Parameters.AddWithValue("reviewers", withReviewers);
        var recipients = new List<Recipient>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            recipients.Add(new Recipient(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        return recipients;
    }
}
