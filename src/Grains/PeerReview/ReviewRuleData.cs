using InclusionNetwork.Grains.Schools;
using InclusionNetwork.Grains.TermDates;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>
/// Everything the visit rules look at for one cluster's cycle, read in one go so the
/// planner and <c>scheduleVisit</c> judge a visit by exactly the same facts.
/// </summary>
/// <param name="Members">Member schools' names by URN.</param>
/// <param name="LeaderUnavailable">Days the cluster's ILE cannot attend visits.</param>
/// <param name="LeaderBusy">Days the ILE is at a visit outside the visits being decided.</param>
/// <param name="Staff">Current staff of the member schools, by id.</param>
/// <param name="StaffBusy">Days each member of staff reviews on a visit outside the visits being decided.</param>
/// <param name="LeaderDiary">The cluster's leader and the version of their diary these facts were told from: a write checks it is still current.</param>
public sealed record ReviewRuleData(
    AcademicYear Year,
    DateOnly Today,
    TermCalendar Calendar,
    PeerReviewOptions Options,
    IReadOnlyDictionary<string, string> Members,
    IReadOnlySet<DateOnly> LeaderUnavailable,
    IReadOnlySet<DateOnly> LeaderBusy,
    IReadOnlyDictionary<long, StaffMember> Staff,
    IReadOnlyDictionary<long, IReadOnlySet<DateOnly>> StaffBusy,
    (long LeaderId, long Version)? LeaderDiary = null)
{
    public string NameOf(string urn) => Members.GetValueOrDefault(urn) ?? urn;

    public bool IsStaffBusy(long staffId, DateOnly date) => StaffBusy.TryGetValue(staffId, out var days) && days.Contains(date);

    private readonly Dictionary<string, DateOnly?> earliest = [];

    /// <summary>The first day a visit confirmed today may take place at the host: the notice in the host's working days.</summary>
    public DateOnly? EarliestVisitDate(string hostUrn)
    {
        // Asked once per candidate day by the planner, so remembered per host.
        lock (earliest)
        {
            if (!earliest.TryGetValue(hostUrn, out var date))
            {
                earliest[hostUrn] = date = Calendar.AddWorkingDays(Today, Options.MinimumNoticeWorkingDays, hostUrn);
            }
            return date;
        }
    }
}
