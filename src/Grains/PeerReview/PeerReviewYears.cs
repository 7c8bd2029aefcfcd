using InclusionNetwork.Grains.TermDates;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>
/// The academic years peer review is open for: the current one (London's today) and the
/// next, which is planned before it starts. Clusters are created only for these, and only
/// their clusters let a leader see a school's staff.
/// </summary>
public static class PeerReviewYears
{
    public static IReadOnlyList<AcademicYear> Open(TimeProvider clock)
    {
        var current = AcademicYear.Containing(LondonTime.Today(clock));
        return [current, new AcademicYear(current.StartYear + 1)];
    }

    public static bool IsOpen(AcademicYear year, TimeProvider clock) => Open(clock).Contains(year);
}
