using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.Leaders;
using Orleans;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>
/// Plans a cycle: every member school without a confirmed visit gets a PROPOSED visit with a
/// date and reviewers from <see cref="ReviewPlanner"/>, written all together or not at all.
/// Confirmed (and later) visits stay; cancelled ones are not planned again.
///
/// Orleans keeps one activation of the cycle, so it reads the cluster, the cycle's version and
/// its visits once and keeps them. A plan is written only if the cycle (whose version moves
/// whenever one of its visits is written), the cluster and the leader's diary are still as
/// they were judged; otherwise the grain reads them again and plans once more. A refusal
/// judged on what was held is confirmed on a fresh read, since it writes nothing a version
/// check could catch.
/// </summary>
public sealed class ReviewCycleGrain(ClusterStore clusters, VisitStore visits, ReviewDataStore facts, PeerReviewQueries queries) : Grain, IReviewCycleGrain
{
    /// <summary>The cycle as last read; null when there is no such cluster (read again on each call).</summary>
    private HeldCycle? held;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => held = await LoadAsync();

    public async Task<CommandResult<ReviewCycle>> PlanAsync(Viewer viewer, string academicYear, IReadOnlyCollection<DateOnly> avoidDates)
    {
        var fresh = false;
        if (held is null)
        {
            held = await LoadAsync();
            fresh = true;
        }
        var stale = 0;
        while (true)
        {
            var (result, written) = await TryPlanAsync(viewer, academicYear, avoidDates);
            if (result.Succeeded)
            {
                held = await LoadAsync();
                await GrainFactory.TellAsync(held?.Cluster.LeaderId);
                return result;
            }
            var wasStale = written is { Stale: true };
            if (wasStale && ++stale == 2)
            {
                return CommandResult<ReviewCycle>.Failure(new DomainError(ErrorCodes.Conflict, "The cycle changed while it was being planned; try again."));
            }
            if (!wasStale && fresh)
            {
                return result;
            }
            var judged = held;
            held = await LoadAsync();
            var diaryMoved = await GrainFactory.RefreshDiaryAsync(held?.Cluster.LeaderId);
            fresh = true;
            if (written is null && !diaryMoved && SameVersions(judged, held))
            {
                // The rules refused on what was held, and nothing they rest on has moved (the
                // other facts are read as stored each time): judging again would say the same.
                return result;
            }
        }
    }

    /// <summary>Judges and, if the rules allow, writes a plan from what is held; no write outcome when the rules refused.</summary>
    private async Task<(CommandResult<ReviewCycle> Result, WriteOutcome? Written)> TryPlanAsync(Viewer viewer, string academicYear, IReadOnlyCollection<DateOnly> avoidDates)
    {
        if (held is not { Cluster: var cluster } cycle || !PeerReviewAccess.MaySee(viewer, cluster))
        {
            return Refused(DomainError.NotFound("No cluster has that id.", "input", "clusterId"));
        }
        if (!PeerReviewAccess.MayManage(viewer, cluster))
        {
            return Refused(DomainError.NotAllowed("Only admins and the cluster's leader may plan its cycle."));
        }
        if (academicYear != cluster.AcademicYear)
        {
            return Refused(DomainError.Invalid(
                $"The cluster is the {cluster.AcademicYear} cluster; its cycle is for {cluster.AcademicYear}, not {academicYear}.", "input", "academicYear"));
        }
        if (!cluster.Active)
        {
            return Refused(new DomainError(PeerReviewErrorCodes.ClusterNotActive,
                $"A cluster is planned once active: it has {cluster.MemberUrns.Count} members (4 to 6 needed){(cluster.LeaderId is null ? " and no leader" : "")}.",
                ["input", "clusterId"]));
        }
        var existing = cycle.Visits;
        var deciding = existing.Where(v => v.Status == VisitStatus.PROPOSED).Select(v => v.Id).ToList();
        var data = await facts.LoadAsync(cluster, deciding);
        if (!data.Calendar.HasTermsIn(data.Year))
        {
            return Refused(new DomainError(PeerReviewErrorCodes.TermDatesMissing,
                $"No term dates are known for {data.Year}, so no working day can be chosen.", ["input", "academicYear"]));
        }
        var settled = existing.Where(v => v.Status is not VisitStatus.PROPOSED).Select(v => v.HostUrn).ToHashSet();
        var request = new PlanningRequest(
            data,
            cluster.MemberUrns.Where(m => !settled.Contains(m)).ToList(),
            existing.Where(v => v.Status is not (VisitStatus.PROPOSED or VisitStatus.CANCELLED) && v.Date is not null)
                .Select(v => new FixedVisit(v.HostUrn, v.Date!.Value, v.ReviewerSchoolUrns)).ToList(),
            avoidDates.ToHashSet());
        var outcome = ReviewPlanner.Plan(request);
        if (!outcome.Succeeded)
        {
            return Refused(outcome.Failure!);
        }
        var written = await visits.SavePlanAsync(cluster, cycle.Version, data.LeaderDiary?.Version, outcome.Visits!,
            data.Staff.ToDictionary(s => s.Key, s => s.Value.SchoolUrn));
        return written.Succeeded
            ? (CommandResult<ReviewCycle>.Success((await queries.CyclesAsync([cluster.CycleId]))[cluster.CycleId]), written)
            : (new CommandResult<ReviewCycle>(null, written.Errors), written);

        static (CommandResult<ReviewCycle>, WriteOutcome?) Refused(DomainError error) => (CommandResult<ReviewCycle>.Failure(error), null);
    }

    private async Task<HeldCycle?> LoadAsync()
    {
        if (await clusters.LoadAsync(this.GetPrimaryKeyLong()) is not { } cluster)
        {
            return null;
        }
        // The version first: a visit written between the two reads then shows as a stale version, never as a missed change.
        var version = await visits.CycleVersionAsync(cluster.CycleId);
        return version is { } v ? new HeldCycle(cluster, v, await visits.LoadCycleAsync(cluster.CycleId)) : null;
    }

    private static bool SameVersions(HeldCycle? a, HeldCycle? b) =>
        a is null ? b is null : b is not null && (a.Cluster.Version, a.Version) == (b.Cluster.Version, b.Version);

    /// <summary>The cluster, the cycle's version and its visits, read together.</summary>
    private sealed record HeldCycle(Cluster Cluster, int Version, IReadOnlyList<ReviewVisit> Visits);
}
