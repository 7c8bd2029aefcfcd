using InclusionNetwork.Grains.PeerReview;
using InclusionNetwork.Grains.Schools;
using InclusionNetwork.Grains.TermDates;

namespace InclusionNetwork.Grains.Tests.PeerReview;

public sealed class ReviewPlannerTests
{
    private static readonly TermCalendar Calendar = new(
        [
            new TermPeriod("2026/27", TermPeriodKind.TERM, "Autumn 2", new(2026, 11, 2), new(2026, 12, 18)),
            new TermPeriod("2026/27", TermPeriodKind.TERM, "Spring 1", new(2027, 1, 4), new(2027, 2, 12)),
            new TermPeriod("2026/27", TermPeriodKind.TERM, "Spring 2", new(2027, 2, 22), new(2027, 3, 25)),
            new TermPeriod("2026/27", TermPeriodKind.TERM, "Summer 1", new(2027, 4, 12), new(2027, 5, 28)),
            new TermPeriod("2026/27", TermPeriodKind.TERM, "Summer 2", new(2027, 6, 7), new(2027, 7, 21)),
        ],
        []);

    private static ReviewRuleData Data(int schools, int reviewersEach = 2, IReadOnlySet<DateOnly>? leaderBusy = null)
    {
        var members = Enumerable.Range(1, schools).ToDictionary(i => $"90000{i}", i => $"School {i}");
        var staff = new Dictionary<long, StaffMember>();
        foreach (var (urn, index) in members.Keys.Select((u, i) => (u, i)))
        {
            for (var r = 0; r < reviewersEach; r++)
            {
                var id = (index * 10) + r + 1;
                staff[id] = new StaffMember(id, urn, $"Person {id}", null, r == 0 ? StaffRole.SENCO : StaffRole.SENIOR_LEADER, null);
            }
            staff[(index * 10) + 9] = new StaffMember((index * 10) + 9, urn, "Teacher", null, StaffRole.TEACHER, null);
        }
        return new ReviewRuleData(new AcademicYear(2026), new DateOnly(2026, 11, 23), Calendar, new PeerReviewOptions(), members,
            new HashSet<DateOnly>(), leaderBusy ?? new HashSet<DateOnly>(), staff, new Dictionary<long, IReadOnlySet<DateOnly>>());
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Every_plan_keeps_every_rule_one_week_per_visit_and_a_spread_of_at_most_one(int schools)
    {
        var data = Data(schools);
        var outcome = ReviewPlanner.Plan(new PlanningRequest(data, [.. data.Members.Keys], [], new HashSet<DateOnly>()));

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        Assert.Equal(schools, outcome.Visits!.Count);
        Assert.Equal(schools, outcome.Visits.Select(v => ReviewPlanner.WeekOf(v.Date)).Distinct().Count());
        foreach (var visit in outcome.Visits)
        {
            Assert.Null(VisitRules.CheckDate(data, visit.HostUrn, visit.Date));
            Assert.Empty(VisitRules.CheckReviewers(data, visit.HostUrn, visit.Date, visit.ReviewerStaffIds));
            Assert.All(visit.ReviewerStaffIds, id => Assert.NotEqual(StaffRole.TEACHER, data.Staff[id].Role));
        }
        var sends = data.Members.Keys.Select(m => outcome.Visits.Count(v => v.ReviewerStaffIds.Any(id => data.Staff[id].SchoolUrn == m))).ToList();
        Assert.True(sends.Max() - sends.Min() <= 1);
        Assert.Equal(0, outcome.Spread);
        // Within a school, reviewing is shared between its eligible people.
        Assert.All(data.Members.Keys, m => Assert.Equal(2, outcome.Visits.SelectMany(v => v.ReviewerStaffIds).Where(id => data.Staff[id].SchoolUrn == m).Distinct().Count()));
    }

    [Fact]
    public void The_same_input_gives_the_same_plan_spread_over_the_year()
    {
        var data = Data(6);
        var first = ReviewPlanner.Plan(new PlanningRequest(data, [.. data.Members.Keys], [], new HashSet<DateOnly>()));
        var second = ReviewPlanner.Plan(new PlanningRequest(data, [.. data.Members.Keys.Reverse()], [], new HashSet<DateOnly>()));
        Assert.Equal(first.Visits!.Select(v => (v.HostUrn, v.Date, string.Join(",", v.ReviewerStaffIds))),
            second.Visits!.Select(v => (v.HostUrn, v.Date, string.Join(",", v.ReviewerStaffIds))));
        var dates = first.Visits!.Select(v => v.Date).Order().ToList();
        Assert.True(dates[^1].DayNumber - dates[0].DayNumber > 120, "visits should spread over the year");
    }

    [Fact]
    public void The_ILEs_other_visits_and_confirmed_visits_weeks_are_kept_clear()
    {
        var busy = new HashSet<DateOnly>(Calendar.WorkingDays(new(2026, 12, 1), new(2027, 3, 31)));
        var data = Data(4, leaderBusy: busy);
        var fixedVisit = new FixedVisit("900001", new DateOnly(2027, 4, 14), ["900002", "900003"]);
        var outcome = ReviewPlanner.Plan(new PlanningRequest(data, ["900002", "900003", "900004"], [fixedVisit], new HashSet<DateOnly>()));

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        Assert.All(outcome.Visits!, v => Assert.DoesNotContain(v.Date, busy));
        Assert.All(outcome.Visits!, v => Assert.NotEqual(ReviewPlanner.WeekOf(fixedVisit.Date), ReviewPlanner.WeekOf(v.Date)));
        // 900002 and 900003 already send to the confirmed visit: fair shares (2 each) mean they send to one more each.
        Assert.Equal(1, outcome.Visits!.Count(v => v.ReviewerStaffIds.Any(id => data.Staff[id].SchoolUrn == "900002")));
        Assert.Equal(0, outcome.Spread);
    }

    [Fact]
    public void With_fewer_free_weeks_than_visits_the_failure_names_the_schools_and_the_week_rule()
    {
        var data = Data(4);
        var keep = new[] { new DateOnly(2027, 1, 5), new DateOnly(2027, 1, 6), new DateOnly(2027, 1, 12) };
        var avoid = Calendar.WorkingDays(new(2026, 9, 1), new(2027, 8, 31)).Where(d => !keep.Contains(d)).ToHashSet();
        var outcome = ReviewPlanner.Plan(new PlanningRequest(data, [.. data.Members.Keys], [], avoid));

        Assert.False(outcome.Succeeded);
        Assert.Equal(PeerReviewErrorCodes.NoPlan, outcome.Failure!.Code);
        Assert.Contains("2 different weeks", outcome.Failure.Message);
        Assert.Contains("School 1", outcome.Failure.Message);
    }

    [Fact]
    public void A_school_with_nobody_who_can_review_makes_fair_sharing_impossible_and_is_named()
    {
        var data = Data(4);
        var staff = data.Staff.Where(s => s.Value.SchoolUrn != "900003" || s.Value.Role == StaffRole.TEACHER).ToDictionary(s => s.Key, s => s.Value);
        var outcome = ReviewPlanner.Plan(new PlanningRequest(data with { Staff = staff }, [.. data.Members.Keys], [], new HashSet<DateOnly>()));

        Assert.False(outcome.Succeeded);
        Assert.Contains("School 3", outcome.Failure!.Message);
        Assert.Contains("no staff who can review", outcome.Failure.Message);
    }
}
