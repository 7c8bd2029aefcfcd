using InclusionNetwork.Grains.Leaders;
using InclusionNetwork.Grains.PeerReview;
using InclusionNetwork.Grains.Tests.PeerReview;
using InclusionNetwork.Grains.Tests.Support;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Grains.Tests.Leaders;

/// <summary>The leader grain answers for the leader's diary, on a real cluster and database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LeaderGrainTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_diary_names_the_days_the_leader_is_unavailable_within_the_span_asked_and_no_others()
    {
        await using var cluster = await GrainCluster.StartAsync(await postgres.CreateMigratedDatabaseAsync(), TimeProvider.System, silos: 1);
        long leaderId;
        await using (var seed = cluster.Database.CreateCommand("""
            INSERT INTO inclusion_leaders (name, email, created_at) VALUES ('Ada Leader', 'ada@example.test', now()) RETURNING id
            """))
        {
            leaderId = (long)(await seed.ExecuteScalarAsync())!;
        }
        await cluster.WriteBehindTheGrainsAsync("""
            INSERT INTO leader_unavailable_dates (leader_id, unavailable_on) VALUES (@leader, '2027-01-12'), (@leader, '2027-03-02'), (@leader, '2027-09-01')
            """, ("leader", leaderId));

        var diary = await cluster.GrainsOn(cluster.Silos[0]).GetGrain<ILeaderGrain>(leaderId)
            .DiaryAsync(new DateOnly(2026, 9, 1), new DateOnly(2027, 8, 31), []);

        Assert.Equal([new DateOnly(2027, 1, 12), new DateOnly(2027, 3, 2)], diary.Unavailable.Order());
        Assert.Empty(diary.AtVisits);
        Assert.False(diary.IsFree(new DateOnly(2027, 1, 12)));
        Assert.True(diary.IsFree(new DateOnly(2027, 1, 13)));
    }

    [Fact]
    public async Task The_planner_asks_the_diary_the_grain_holds_across_two_silos_and_a_write_outside_the_grains_is_caught_by_the_diary_version()
    {
        await using var cluster = await GrainCluster.StartAsync(await postgres.CreateMigratedDatabaseAsync(), new ManualClock(PeerReviewSeed.Now), silos: 2);
        var db = cluster.Database;
        string[] north = ["950001", "950002", "950003", "950004"], south = ["950011", "950012", "950013"];
        var sencos = await PeerReviewSeed.SchoolsAsync(db, [.. north, .. south]);
        var ada = await PeerReviewSeed.LeaderAsync(db, "Ada Leader");
        var (northId, northCycle) = await PeerReviewSeed.ClusterAsync(db, "North", ada, north);
        var (southId, southCycle) = await PeerReviewSeed.ClusterAsync(db, "South", ada, south);
        var southVisit = await PeerReviewSeed.VisitAsync(db, southCycle, south[0], ada);
        var (first, second) = (cluster.GrainsOn(cluster.Silos[0]), cluster.GrainsOn(cluster.Silos[1]));
        var (from, to) = (new DateOnly(2026, 9, 1), new DateOnly(2027, 8, 31));
        DateOnly jan11 = new(2027, 1, 11), jan13 = new(2027, 1, 13), jan18 = new(2027, 1, 18), jan20 = new(2027, 1, 20);

        // The leader's grain holds the diary from its first question: two clusters, a free year.
        var before = await first.GetGrain<ILeaderGrain>(ada).DiaryAsync(from, to, []);
        Assert.Equal((0, 0, 2), (before.Unavailable.Count, before.AtVisits.Count, before.ClustersLed.Count));

        // Through the grains, from the other silo: 11 January made unavailable, and 18 January
        // taken by a visit of the leader's other cluster, whose grain tells the leader's.
        var away = await second.GetGrain<ILeaderGrain>(ada).UpdateAsync(PeerReviewSeed.LeaderViewer(ada), new LeaderChange(false, null, null, [jan11], [], null));
        Assert.True(away.Succeeded);
        var elsewhere = await second.GetGrain<IReviewVisitGrain>(southVisit).ScheduleAsync(PeerReviewSeed.Admin, jan18, [sencos[south[1]], sencos[south[2]]], null);
        Assert.True(elsewhere.Succeeded, string.Join("; ", elsewhere.Errors.Select(e => e.Message)));
        var told = await first.GetGrain<ILeaderGrain>(ada).DiaryAsync(from, to, []);
        Assert.Equal([jan11], told.Unavailable);
        Assert.Equal([jan18], told.AtVisits);

        // The planner, on the first silo, asks the diary: of the two open days in each of four
        // weeks, the 11th and the 18th are not free, so those weeks get the 13th and the 20th.
        var plan = await first.GetGrain<IReviewCycleGrain>(northId).PlanAsync(PeerReviewSeed.Admin, "2026/27", ReviewCycleGrainTests.AvoidAllBut(ReviewCycleGrainTests.Open));
        Assert.True(plan.Succeeded, string.Join("; ", plan.Errors.Select(e => e.Message)));
        var planned = await cluster.Service<VisitStore>().LoadCycleAsync(northCycle);
        var days = planned.Select(v => v.Date!.Value).ToHashSet();
        Assert.Equal(4, days.Count);
        Assert.DoesNotContain(jan11, days);
        Assert.DoesNotContain(jan18, days);
        Assert.Contains(jan13, days);
        Assert.Contains(jan20, days);

        // Outside the grains, the leader is made unavailable on the day of a planned visit; no
        // grain is told. Confirming that visit is judged on the diary held, which lacks the day:
        // the write's check of the diary version catches it, the diary is read again, and the
        // day is refused.
        var last = planned.OrderBy(v => v.Date).Last();
        await cluster.WriteBehindTheGrainsAsync("INSERT INTO leader_unavailable_dates (leader_id, unavailable_on) VALUES (@leader, @day)",
            ("leader", ada), ("day", last.Date!.Value));
        var refused = await second.GetGrain<IReviewVisitGrain>(last.Id).ScheduleAsync(PeerReviewSeed.Admin, last.Date!.Value, last.ReviewerStaffIds, null);
        Assert.Equal(PeerReviewErrorCodes.LeaderUnavailable, Assert.Single(refused.Errors).Code);
        Assert.Equal(VisitStatus.PROPOSED, (await cluster.Service<VisitStore>().LoadAsync(last.Id))!.Status);
        Assert.Contains(last.Date!.Value, (await first.GetGrain<ILeaderGrain>(ada).DiaryAsync(from, to, [])).Unavailable);

        // Handing the other cluster to Bea through its grain takes its visit out of Ada's diary:
        // the cluster's grain tells both leaders' grains after it commits.
        var bea = await PeerReviewSeed.LeaderAsync(db, "Bea Leader");
        var handed = await second.GetGrain<IClusterGrain>(southId).UpdateAsync(PeerReviewSeed.Admin, new ClusterChange(null, true, bea, null));
        Assert.True(handed.Succeeded, string.Join("; ", handed.Errors.Select(e => e.Message)));
        var adaAfter = await first.GetGrain<ILeaderGrain>(ada).DiaryAsync(from, to, []);
        Assert.DoesNotContain(jan18, adaAfter.AtVisits);
        Assert.Single(adaAfter.ClustersLed);
        Assert.Equal([jan18], (await first.GetGrain<ILeaderGrain>(bea).DiaryAsync(from, to, [])).AtVisits);
    }
}
