using InclusionNetwork.Grains.Uptake;

namespace InclusionNetwork.Grains.Tests.Uptake;

/// <summary>
/// Small-number suppression of evaluation groups: fewer than 5 responses hides a group's
/// rates; and no group hidden that way may be worked out from the total (published) less
/// the groups shown, in the whole set or within an area's districts.
/// </summary>
public sealed class EvaluationSuppressionTests
{
    private static EvaluationGroup Group(string name, int responses, int followUps = 0, string? area = null) =>
        new(name, new EvaluationSummary(responses, responses, 0, 0, followUps, 0), area);

    private static bool[] Suppressed(params EvaluationGroup[] groups) => [.. EvaluationSuppression.Apply(groups).Select(g => g.Summary.Suppressed)];

    [Fact]
    public void Groups_of_five_or_more_stand_when_no_small_group_holds_answers()
    {
        Assert.Equal([false, false, true], Suppressed(Group("A", 5), Group("B", 12), Group("C", 0)));
    }

    [Fact]
    public void A_lone_small_group_takes_the_next_smallest_with_it()
    {
        // C (2) alone would be the total less A and B; A (6) is the next smallest holding answers.
        // D has none, so hiding it would hide nothing.
        Assert.Equal([true, false, true, true], Suppressed(Group("A", 6), Group("B", 9), Group("C", 2), Group("D", 0)));
        var a = EvaluationSuppression.Apply([Group("A", 6), Group("B", 9), Group("C", 2)])[0].Summary;
        Assert.Null(a.GoodOrExcellentRate);
        Assert.Equal(6, a.Responses);
    }

    [Fact]
    public void Small_groups_that_together_hold_fewer_than_five_responses_take_another()
    {
        // B and C together hold 3: their sum, derivable from the total, would still be a small number.
        Assert.Equal([true, true, true, false], Suppressed(Group("A", 7), Group("B", 1), Group("C", 2), Group("D", 30)));
        // Two small groups holding 6 between them protect each other.
        Assert.Equal([false, true, true, false], Suppressed(Group("A", 7), Group("B", 3), Group("C", 3), Group("D", 30)));
    }

    [Fact]
    public void Follow_ups_alone_are_answers_to_protect_and_break_ties()
    {
        // B has no evaluation but a follow-up; A and C tie on responses, and C has fewer follow-ups.
        Assert.Equal([false, true, true], Suppressed(Group("A", 8, followUps: 4), Group("B", 0, followUps: 1), Group("C", 8, followUps: 2)));
    }

    [Fact]
    public void A_district_cannot_be_worked_out_from_its_areas_total()
    {
        // Over the county, three districts are hidden (N2, S2 and S3 hold 9 responses together), and
        // South's two protect each other; but North's total (published by AREA) less N1 would give N2
        // away: N1 goes too.
        Assert.Equal([true, true, false, true, true],
            Suppressed(Group("N1", 8, area: "north"), Group("N2", 2, area: "north"),
                Group("S1", 9, area: "south"), Group("S2", 4, area: "south"), Group("S3", 3, area: "south")));
    }

    [Fact]
    public void A_lone_group_holding_every_answer_is_the_total_itself()
    {
        Assert.Equal([true, true], Suppressed(Group("A", 3), Group("B", 0)));
        Assert.Equal([false, true], Suppressed(Group("A", 5), Group("B", 0)));
    }
}
