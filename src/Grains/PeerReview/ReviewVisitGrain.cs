using System.Globalization;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Leaders;
using Orleans;
using Npgsql;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>
/// A visit's life. Orleans keeps one activation of the visit, so it reads the visit and its
/// cluster once and keeps them: each command checks who may act and the rules on what it
/// holds and writes in one transaction guarded by the visit's and the cluster's versions (and,
/// for a date, the leader's diary version), reading afresh and retrying once when another
/// writer got there first. Scheduling and cancelling tell the leader's grain after commit.
/// Confirming, moving and cancelling a visit write its messages, with a calendar invitation, in
/// the same transaction. Durable reminders remind the host and the ILE of the self-evaluation
/// (some working days before it is due, and when it is overdue) and of the impact review.
/// </summary>
public sealed class ReviewVisitGrain(VisitStore visits, ClusterStore clusters, ReviewDataStore facts, PeerReviewQueries queries, VisitNotices notices,
    DomainClock clock)
    : Grain, IReviewVisitGrain, IRemindable
{
    public const string SelfEvaluationReminder = "self-evaluation-due";
    public const string ImpactReviewReminder = "impact-review-due";
    private const int MaxTextLength = 20_000;

    /// <summary>Reminders fire at this London time on the day something is due.</summary>
    private static readonly TimeOnly ReminderTime = new(8, 0);

    private long VisitId => this.GetPrimaryKeyLong();

    /// <summary>The visit and its cluster as last read or written; null when there is no such visit (read again on each call).</summary>
    private ReviewVisit? heldVisit;

    private Cluster? heldCluster;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        heldVisit = await visits.LoadAsync(VisitId);
        heldCluster = heldVisit is null ? null : await clusters.LoadAsync(heldVisit.ClusterId);
    }

    public Task<CommandResult<ReviewVisit>> ScheduleAsync(Viewer viewer, DateOnly date, IReadOnlyList<long> reviewerStaffIds, IReadOnlyList<FrameworkArea>? focusAreas) =>
        RunAsync(viewer, Manage, async (visit, cluster) =>
        {
            if (visit.Status is not (VisitStatus.PROPOSED or VisitStatus.CONFIRMED))
            {
                return Refuse(WrongStatus(visit, "scheduled", "PROPOSED or CONFIRMED"));
            }
            var data = await facts.LoadAsync(cluster, [visit.Id]);
            var errors = new List<DomainError>();
            if (VisitRules.CheckDate(data, visit.HostUrn, date) is { } dateError)
            {
                errors.Add(dateError);
            }
            errors.AddRange(VisitRules.CheckReviewers(data, visit.HostUrn, date, reviewerStaffIds));
            if (focusAreas is not null && focusAreas.Distinct().Count() != focusAreas.Count)
            {
                errors.Add(DomainError.Invalid("A focus area is listed twice.", "input", "focusAreas"));
            }
            if (errors.Count > 0)
            {
                return Refuse([.. errors]);
            }
            var due = data.Calendar.SubtractWorkingDays(date, facts.Options.SelfEvaluationWorkingDaysBefore, visit.HostUrn);
            var reviewers = reviewerStaffIds.Select(id => (id, data.Staff[id].SchoolUrn)).ToList();
            var change = visit.Status == VisitStatus.PROPOSED ? VisitChange.Confirmed : visit.Date != date ? VisitChange.Moved : VisitChange.Changed;
            var outcome = await visits.UpdateAsync(visit, cluster, """
                status = 'CONFIRMED', visit_date = @date, leader_id = @leader, confirmed_at = @now, self_evaluation_due = @due,
                focus_areas = coalesce(@focus, focus_areas), sequence = sequence + 1
                """,
                p =>
                {
                    p.AddWithValue("date", date);
                    p.Add(new NpgsqlParameter<long?>("leader", cluster.LeaderId));
                    p.Add(new NpgsqlParameter<DateOnly?>("due", due));
                    p.Add(new NpgsqlParameter<string[]?>("focus", focusAreas?.Select(f => f.ToString()).ToArray()));
                },
                async (connection, transaction) =>
                {
                    await VisitStore.ReplaceReviewersAsync(connection, transaction, visit.Id, date, reviewers);
                    await notices.ChangedAsync(connection, transaction, visit, change);
                    if (visit.Status == VisitStatus.CONFIRMED)
                    {
                        await notices.ReleasedAsync(connection, transaction, visit, visit.ReviewerStaffIds.Except(reviewerStaffIds).ToList());
                    }
                },
                data.LeaderDiary?.Version);
            if (outcome.Succeeded)
            {
                await GrainFactory.TellAsync(cluster.LeaderId);
                if (due is { } dueOn)
                {
                    await this.SetDueReminderAsync(SelfEvaluationReminder, Until(SelfEvaluationReminderDay(data.Calendar, visit.HostUrn, dueOn)));
                }
            }
            return outcome;
        });

    public Task<CommandResult<ReviewVisit>> SubmitSelfEvaluationAsync(Viewer viewer, string summary, IReadOnlyList<FrameworkArea> focusAreas) =>
        RunAsync(viewer, ActForHost, async (visit, cluster) =>
        {
            if (visit.Status != VisitStatus.CONFIRMED)
            {
                return Refuse(WrongStatus(visit, "given a self-evaluation", "CONFIRMED"));
            }
            if (visit.Date is { } date && LondonTime.Today(clock) >= date)
            {
                return Refuse(new DomainError(PeerReviewErrorCodes.SelfEvaluationClosed,
                    $"The self-evaluation was due by {Format(visit.SelfEvaluationDue)}; it cannot be given on or after the visit day."));
            }
            var errors = new List<DomainError>();
            if (string.IsNullOrWhiteSpace(summary) || summary.Length > MaxTextLength)
            {
                errors.Add(DomainError.Invalid($"Write the self-evaluation summary (at most {MaxTextLength:N0} characters).", "input", "summary"));
            }
            if (focusAreas.Count == 0 || focusAreas.Distinct().Count() != focusAreas.Count)
            {
                errors.Add(DomainError.Invalid("Choose one or more different focus areas.", "input", "focusAreas"));
            }
            if (errors.Count > 0)
            {
                return Refuse([.. errors]);
            }
            return await visits.UpdateAsync(visit, cluster, "self_evaluation_summary = @summary, self_evaluation_submitted_at = @now, focus_areas = @focus",
                p =>
                {
                    p.AddWithValue("summary", summary.Trim());
                    p.AddWithValue("focus", focusAreas.Select(f => f.ToString()).ToArray());
                });
        });

    public Task<CommandResult<ReviewVisit>> CompleteAsync(Viewer viewer) =>
        RunAsync(viewer, Manage, async (visit, cluster) =>
        {
            if (visit.Status != VisitStatus.CONFIRMED)
            {
                return Refuse(WrongStatus(visit, "completed", "CONFIRMED"));
            }
            if (visit.Date > LondonTime.Today(clock))
            {
                return Refuse(new DomainError(PeerReviewErrorCodes.VisitNotHeldYet, $"The visit is on {Format(visit.Date)}; it can be completed from that day."));
            }
            if (visit.SelfEvaluationSubmittedAt is null)
            {
                return Refuse(new DomainError(PeerReviewErrorCodes.SelfEvaluationMissing, "The host's self-evaluation has not been submitted."));
            }
            return await visits.UpdateAsync(visit, cluster, "status = 'COMPLETED', completed_at = @now, sequence = sequence + 1");
        });

    public Task<CommandResult<ReviewVisit>> SubmitReportAsync(Viewer viewer, string strengths, string areasForDevelopment, IReadOnlyList<NewReviewAction> actions) =>
        RunAsync(viewer, Manage, async (visit, cluster) =>
        {
            if (visit.Status != VisitStatus.COMPLETED)
            {
                return Refuse(WrongStatus(visit, "reported on", "COMPLETED"));
            }
            var errors = new List<DomainError>();
            if (string.IsNullOrWhiteSpace(strengths) || strengths.Length > MaxTextLength)
            {
                errors.Add(DomainError.Invalid("Write the strengths the review found.", "input", "strengths"));
            }
            if (string.IsNullOrWhiteSpace(areasForDevelopment) || areasForDevelopment.Length > MaxTextLength)
            {
                errors.Add(DomainError.Invalid("Write the areas for development.", "input", "areasForDevelopment"));
            }
            if (actions.Count == 0)
            {
                errors.Add(DomainError.Invalid("An action plan needs at least one action.", "input", "actions"));
            }
            for (var i = 0; i < actions.Count; i++)
            {
                var index = i.ToString(CultureInfo.InvariantCulture);
                if (string.IsNullOrWhiteSpace(actions[i].Description) || actions[i].Description.Length > 2_000)
                {
                    errors.Add(DomainError.Invalid("Describe the action (at most 2,000 characters).", "input", "actions", index, "description"));
                }
                if (actions[i].DueDate < visit.Date)
                {
                    errors.Add(DomainError.Invalid("An action cannot be due before the visit.", "input", "actions", index, "dueDate"));
                }
            }
            if (errors.Count > 0)
            {
                return Refuse([.. errors]);
            }
            var impactDue = LondonTime.Today(clock).AddDays(7 * facts.Options.ImpactReviewWeeksAfterReport);
            var outcome = await visits.UpdateAsync(visit, cluster, "status = 'REPORTED', reported_at = @now, impact_review_due = @impact_due",
                p => p.AddWithValue("impact_due", impactDue),
                async (connection, transaction) =>
                {
                    await using var insert = new NpgsqlCommand("""
                        INSERT INTO review_reports (visit_id, strengths, areas_for_development, submitted_at, submitted_by)
                        VALUES (@visit, @strengths, @areas, @now, @by);
                        INSERT INTO review_actions (visit_id, position, description, due_date, status, created_at, updated_at)
                        SELECT @visit, n, d, due, 'NOT_STARTED', @now, @now FROM unnest(@descriptions, @dues) WITH ORDINALITY AS a(d, due, n);
                        """, connection, transaction);
                    insert.Parameters.AddWithValue("visit", visit.Id);
                    insert.Parameters.AddWithValue("strengths", strengths.Trim());
                    insert.Parameters.AddWithValue("areas", areasForDevelopment.Trim());
                    insert.Parameters.AddWithValue("now", clock.GetUtcNow());
                    insert.Parameters.AddWithValue("by", viewer.AccountId);
                    insert.Parameters.AddWithValue("descriptions", actions.Select(a => a.Description.Trim()).ToArray());
                    insert.Parameters.Add(new NpgsqlParameter<DateOnly?[]>("dues", actions.Select(a => a.DueDate).ToArray()));
                    await insert.ExecuteNonQueryAsync();
                });
            if (outcome.Succeeded)
            {
                await this.SetDueReminderAsync(ImpactReviewReminder, Until(impactDue));
            }
            return outcome;
        });

    public async Task<CommandResult<ReviewAction>> UpdateActionAsync(Viewer viewer, long actionId, ActionStatus status)
    {
        var result = await RunAsync(viewer, ActForHost, async (visit, cluster) =>
        {
            if (visit.Status is not (VisitStatus.REPORTED or VisitStatus.FOLLOWED_UP))
            {
                return Refuse(WrongStatus(visit, "have its actions updated", "REPORTED or FOLLOWED_UP"));
            }
            var action = await queries.ActionAsync(actionId);
            if (action is null || action.VisitId != visit.Id)
            {
                return Refuse(DomainError.NotFound("The visit's report has no action with that id.", "input", "actionId"));
            }
            // The visit's version guards the action too: its actions change one at a time.
            return await visits.UpdateAsync(visit, cluster, "focus_areas = focus_areas", null, async (connection, transaction) =>
            {
                await using var update = new NpgsqlCommand(
                    """
                    UPDATE review_actions SET status = @status, updated_at = now(), version = version + 1,
                        -- When it became IMPLEMENTED, which the uptake figures count by quarter.
                        implemented_at = CASE WHEN @status = 'IMPLEMENTED' THEN coalesce(implemented_at, @now) END
                    WHERE id = @id
                    """, connection, transaction);
                update.Parameters.AddWithValue("status", status.ToString());
                update.Parameters.AddWithValue("now", clock.GetUtcNow());
                update.Parameters.AddWithValue("id", actionId);
                await update.ExecuteNonQueryAsync();
            });
        });
        return result.Succeeded
            ? CommandResult<ReviewAction>.Success((await queries.ActionAsync(actionId))!)
            : new CommandResult<ReviewAction>(null, result.Errors);
    }

    public Task<CommandResult<ReviewVisit>> SubmitImpactReviewAsync(Viewer viewer, string summary) =>
        RunAsync(viewer, Manage, async (visit, cluster) =>
        {
            if (visit.Status != VisitStatus.REPORTED)
            {
                return Refuse(WrongStatus(visit, "followed up", "REPORTED"));
            }
            if (string.IsNullOrWhiteSpace(summary) || summary.Length > MaxTextLength)
            {
                return Refuse(DomainError.Invalid("Write what the impact review found.", "input", "summary"));
            }
            var outcome = await visits.UpdateAsync(visit, cluster, "status = 'FOLLOWED_UP', followed_up_at = @now", null, async (connection, transaction) =>
            {
                await using var insert = new NpgsqlCommand(
                    "INSERT INTO impact_reviews (visit_id, summary, submitted_at, submitted_by) VALUES (@visit, @summary, now(), @by)", connection, transaction);
                insert.Parameters.AddWithValue("visit", visit.Id);
                insert.Parameters.AddWithValue("summary", summary.Trim());
                insert.Parameters.AddWithValue("by", viewer.AccountId);
                await insert.ExecuteNonQueryAsync();
            });
            if (outcome.Succeeded)
            {
                await this.ClearDueReminderAsync(ImpactReviewReminder);
            }
            return outcome;
        });

    public Task<CommandResult<ReviewVisit>> CancelAsync(Viewer viewer) =>
        RunAsync(viewer, Manage, async (visit, cluster) =>
        {
            if (visit.Status is not (VisitStatus.PROPOSED or VisitStatus.CONFIRMED))
            {
                return Refuse(WrongStatus(visit, "cancelled", "PROPOSED or CONFIRMED"));
            }
            var outcome = await visits.UpdateAsync(visit, cluster, "status = 'CANCELLED', cancelled_at = @now, sequence = sequence + 1", null, async (connection, transaction) =>
            {
                // Reviewers of a cancelled visit are free that day again.
                await using var free = new NpgsqlCommand("UPDATE visit_reviewers SET review_date = NULL WHERE visit_id = @visit", connection, transaction);
                free.Parameters.AddWithValue("visit", visit.Id);
                await free.ExecuteNonQueryAsync();
                // Only a confirmed visit was announced; a proposal was never more than a plan.
                if (visit.Status == VisitStatus.CONFIRMED)
                {
                    await notices.ChangedAsync(connection, transaction, visit, VisitChange.Cancelled);
                }
            });
            if (outcome.Succeeded)
            {
                await GrainFactory.TellAsync(cluster.LeaderId);
                await this.ClearDueReminderAsync(SelfEvaluationReminder);
            }
            return outcome;
        });

    public Task ReceiveReminder(string reminderName, TickStatus status) => SettleDueAsync();

    public async Task SettleDueAsync()
    {
        // A tick is rare and what is due must not rest on a stale copy: read the visit as stored.
        // Each tick writes only what is true now (the reminders are keyed, so a repeat writes
        // nothing), then moves the reminder to the next moment something falls due, or drops it.
        var visit = heldVisit = await visits.LoadAsync(VisitId);
        var today = LondonTime.Today(clock);
        DateOnly? nextSelfEvaluation = null;
        if (visit is { Status: VisitStatus.CONFIRMED, SelfEvaluationSubmittedAt: null, SelfEvaluationDue: { } due, Date: { } day } && today < day)
        {
            var remindOn = await SelfEvaluationReminderDayAsync(visit, due);
            if (today > due)
            {
                await notices.DueAsync(visit, VisitDue.SelfEvaluationOverdue, due);
            }
            else if (today >= remindOn)
            {
                await notices.DueAsync(visit, VisitDue.SelfEvaluationDue, due);
                nextSelfEvaluation = due.AddDays(1);
            }
            else
            {
                nextSelfEvaluation = remindOn;
            }
        }
        DateOnly? nextImpactReview = null;
        if (visit is { Status: VisitStatus.REPORTED, ImpactReviewDue: { } impactDue })
        {
            if (today >= impactDue)
            {
                await notices.DueAsync(visit, VisitDue.ImpactReviewDue, impactDue);
            }
            else
            {
                nextImpactReview = impactDue;
            }
        }
        await MoveOrClearAsync(SelfEvaluationReminder, nextSelfEvaluation);
        await MoveOrClearAsync(ImpactReviewReminder, nextImpactReview);
    }

    private async Task MoveOrClearAsync(string reminder, DateOnly? next)
    {
        if (next is { } day)
        {
            await this.SetDueReminderAsync(reminder, Until(day));
        }
        else
        {
            await this.ClearDueReminderAsync(reminder);
        }
    }

    /// <summary>The day the self-evaluation reminder goes: some of the host's working days before it is due.</summary>
    private DateOnly SelfEvaluationReminderDay(TermDates.TermCalendar calendar, string hostUrn, DateOnly due) =>
        calendar.SubtractWorkingDays(due, facts.Options.SelfEvaluationReminderWorkingDays, hostUrn) ?? due;

    private async Task<DateOnly> SelfEvaluationReminderDayAsync(ReviewVisit visit, DateOnly due) =>
        (await queries.ClustersAsync([visit.ClusterId])).GetValueOrDefault(visit.ClusterId) is { } cluster
            ? SelfEvaluationReminderDay((await facts.LoadAsync(cluster, [])).Calendar, visit.HostUrn, due)
            : due;

    private delegate bool Permission(Viewer viewer, Cluster cluster, ReviewVisit visit);

    private static bool Manage(Viewer viewer, Cluster cluster, ReviewVisit visit) => PeerReviewAccess.MayManage(viewer, cluster);

    private static bool ActForHost(Viewer viewer, Cluster cluster, ReviewVisit visit) => PeerReviewAccess.MayActForHost(viewer, cluster, visit);

    /// <summary>
    /// Checks access and runs the command on the visit and cluster held. A write that finds
    /// either moved on (a duplicate activation, a writer outside the grains, the cluster's own
    /// grain) reads both again, with the leader's diary, and runs once more; a second miss is a
    /// conflict. A refusal writes nothing, so no version check would notice that what it
    /// rested on changed: one judged on what was held is confirmed on a fresh read.
    /// </summary>
    private async Task<CommandResult<ReviewVisit>> RunAsync(Viewer viewer, Permission permission, Func<ReviewVisit, Cluster, Task<WriteOutcome>> command)
    {
        var fresh = false;
        if (heldVisit is null || heldCluster is null)
        {
            await ReloadAsync();
            fresh = true;
        }
        var stale = 0;
        while (true)
        {
            var (visit, cluster) = (heldVisit, heldCluster);
            IReadOnlyList<DomainError> refusal;
            if (visit is null || cluster is null || !PeerReviewAccess.MaySee(viewer, cluster, visit))
            {
                refusal = [DomainError.NotFound("No visit has that id.", "input", "visitId")];
            }
            else if (!permission(viewer, cluster, visit))
            {
                refusal = [DomainError.NotAllowed("You may not do this to this visit.")];
            }
            else
            {
                var outcome = await command(visit, cluster);
                if (outcome.Succeeded)
                {
                    heldVisit = await visits.LoadAsync(VisitId);
                    return CommandResult<ReviewVisit>.Success(heldVisit!);
                }
                if (outcome.Stale)
                {
                    if (++stale == 2)
                    {
                        return CommandResult<ReviewVisit>.Failure(new DomainError(ErrorCodes.Conflict, "The visit was changed by someone else at the same time; try again."));
                    }
                    await ReloadAsync();
                    fresh = true;
                    continue;
                }
                refusal = outcome.Errors;
            }
            if (fresh)
            {
                return new CommandResult<ReviewVisit>(null, refusal);
            }
            await ReloadAsync();
            fresh = true;
        }
    }

    /// <summary>Reads the visit and its cluster as stored, and has the leader's grain check its diary is current.</summary>
    private async Task ReloadAsync()
    {
        heldVisit = await visits.LoadAsync(VisitId);
        heldCluster = heldVisit is null ? null : await clusters.LoadAsync(heldVisit.ClusterId);
        await GrainFactory.RefreshDiaryAsync(heldCluster?.LeaderId);
    }

    private static WriteOutcome Refuse(params DomainError[] errors) => WriteOutcome.Refused(errors);

    private static DomainError WrongStatus(ReviewVisit visit, string what, string needed) =>
        new(PeerReviewErrorCodes.WrongStatus, $"The visit is {visit.Status}; it can be {what} only when {needed}.");

    private TimeSpan Until(DateOnly day)
    {
        var wait = LondonTime.At(day, ReminderTime) - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private static string Format(DateOnly? date) => date is { } d ? VisitRules.Format(d) : "a date not yet set";
}
