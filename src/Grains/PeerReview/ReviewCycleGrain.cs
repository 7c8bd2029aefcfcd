using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Orleans;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>
/// Plans a cycle: every member school without a confirmed visit gets a PROPOSED visit with a
/// date and reviewers from <see cref="ReviewPlanner"/>, written all together or not at all.
/// Confirmed (and later) visits stay; cancelled ones are not planned again.
/// </summary>
public sealed class ReviewCycleGrain(ClusterStore clusters, VisitStore visits, ReviewDataStore facts, PeerReviewQueries queries) : Grain, IReviewCycleGrain
{
    public async Task<CommandResult<ReviewCycle>> PlanAsync(Viewer viewer, string academicYear, IReadOnlyCollection<DateOnly> avoidDates)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var cluster = await clusters.LoadAsync(this.GetPrimaryKeyLong());
            if (cluster is null || !PeerReviewAccess.MaySee(viewer, cluster))
            {
                return CommandResult<ReviewCycle>.Failure(DomainError.NotFound("No cluster has that id.", "input", "clusterId"));
            }
            if (!PeerReviewAccess.MayManage(viewer, cluster))
            {
                return CommandResult<ReviewCycle>.Failure(DomainError.NotAllowed("Only admins and the cluster's leader may plan its cycle."));
            }
            if (academicYear != cluster.AcademicYear)
            {
                return CommandResult<ReviewCycle>.Failure(DomainError.Invalid(
                    $"The cluster is the {cluster.AcademicYear} cluster; its cycle is for {cluster.AcademicYear}, not {academicYear}.", "input", "academicYear"));
            }
            if (!cluster.Active)
            {
                return CommandResult<ReviewCycle>.Failure(new DomainError(PeerReviewErrorCodes.ClusterNotActive,
                    $"A cluster is planned once active: it has {cluster.MemberUrns.Count} members (4 to 6 needed){(cluster.LeaderId is null ? " and no leader" : "")}.",
                    ["input", "clusterId"]));
            }
            var existing = await visits.LoadCycleAsync(cluster.CycleId);
            var deciding = existing.Where(v => v.Status == VisitStatus.PROPOSED).Select(v => v.Id).ToList();
            var data = await facts.LoadAsync(cluster, deciding);
            if (!data.Calendar.HasTermsIn(data.Year))
            {
                return CommandResult<ReviewCycle>.Failure(new DomainError(PeerReviewErrorCodes.TermDatesMissing,
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
                return CommandResult<ReviewCycle>.Failure(outcome.Failure!);
            }
            var written = await visits.SavePlanAsync(cluster, outcome.Visits!, data.Staff.ToDictionary(s => s.Key, s => s.Value.SchoolUrn));
            if (written.Succeeded)
            {
                return CommandResult<ReviewCycle>.Success((await queries.CyclesAsync([cluster.CycleId]))[cluster.CycleId]);
            }
            if (!written.Stale && attempt == 1)
            {
                return new CommandResult<ReviewCycle>(null, written.Errors);
            }
        }
        return CommandResult<ReviewCycle>.Failure(new DomainError(ErrorCodes.Conflict, "The cycle changed while it was being planned; try again."));
    }
}
