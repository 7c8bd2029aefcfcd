using InclusionNetwork.Grains.PeerReview;
using InclusionNetwork.Grains.Tests.Support;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Grains.Tests.PeerReview;

/// <summary>The cycle grain holds its cluster and visits, on a real cluster of silos and database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReviewCycleGrainTests(PostgresFixture postgres)
{
    /// <summary>Two days in each of four weeks of January 2027: the only days a plan may use.</summary>
    public static readonly DateOnly[] Open =
        [new(2027, 1, 11), new(2027, 1, 13), new(2027, 1, 18), new(2027, 1, 20), new(2027, 1, 25), new(2027, 1, 27), new(2027, 2, 1), new(2027, 2, 3)];

    /// <summary>Every weekday of 2026/27 but <see cref="Open"/>.</summary>
    public static IReadOnlyCollection<DateOnly> AvoidAllBut(IReadOnlyCollection<DateOnly> open)
    {
        var avoid = new List<DateOnly>();
        for (var day = new DateOnly(2026, 9, 1); day <= new DateOnly(2027, 8, 31); day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !open.Contains(day))
            {
                avoid.Add(day);
            }
        }
        return avoid;
    }

    [Fact]
    public async Task A_visit_confirmed_from_outside_the_grain_is_caught_when_the_plan_is_written_and_the_cycle_is_planned_again_around_it()
    {
        await using var cluster = await GrainCluster.StartAsync(await postgres.CreateMigratedDatabaseAsync(), new ManualClock(PeerReviewSeed.Now), silos: 1);
        var db = cluster.Database;
        string[] urns = ["960001", "960002", "960003", "960004"];
        await PeerReviewSeed.SchoolsAsync(db, urns);
        var ada = await PeerReviewSeed.LeaderAsync(db, "Ada Leader");
        var (clusterId, cycleId) = await PeerReviewSeed.ClusterAsync(db, "North", ada, urns);
        var grain = cluster.GrainsOn(cluster.Silos[0]).GetGrain<IReviewCycleGrain>(clusterId);
        var visits = cluster.Service<VisitStore>();

        var first = await grain.PlanAsync(PeerReviewSeed.LeaderViewer(ada), "2026/27", AvoidAllBut(Open));
        Assert.True(first.Succeeded, string.Join("; ", first.Errors.Select(e => e.Message)));
        var planned = await visits.LoadCycleAsync(cycleId);
        Assert.Equal(4, planned.Count);

        // Behind the activation's back, the first visit is confirmed on the other open day of its week.
        var confirmed = planned.OrderBy(v => v.Date).First();
        var otherDay = Open.Single(d => d != confirmed.Date && ReviewPlanner.WeekOf(d) == ReviewPlanner.WeekOf(confirmed.Date!.Value));
        await cluster.WriteBehindTheGrainsAsync("""
            UPDATE review_visits SET status = 'CONFIRMED', visit_date = @day, confirmed_at = now(), version = version + 1 WHERE id = @id;
            UPDATE visit_reviewers SET review_date = @day WHERE visit_id = @id;
            """, ("day", otherDay), ("id", confirmed.Id));

        // The activation still holds the visit as PROPOSED and plans it again; the write finds it
        // confirmed, the grain reads the cycle again and plans the other three around it.
        var again = await grain.PlanAsync(PeerReviewSeed.LeaderViewer(ada), "2026/27", AvoidAllBut(Open));
        Assert.True(again.Succeeded, string.Join("; ", again.Errors.Select(e => e.Message)));
        var stored = await visits.LoadCycleAsync(cycleId);
        var kept = stored.Single(v => v.Id == confirmed.Id);
        Assert.Equal((VisitStatus.CONFIRMED, (DateOnly?)otherDay), (kept.Status, kept.Date));
        var others = stored.Where(v => v.Id != confirmed.Id).ToList();
        Assert.Equal(3, others.Count);
        Assert.All(others, v => Assert.Equal(VisitStatus.PROPOSED, v.Status));
        Assert.Equal(4, stored.Select(v => ReviewPlanner.WeekOf(v.Date!.Value)).Distinct().Count());
    }
}
