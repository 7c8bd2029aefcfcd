using System.Globalization;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.TermDates;

namespace InclusionNetwork.Grains.PeerReview;

/// <summary>
/// The rules of a visit's date and reviewers, in one place for the planner and for
/// <c>scheduleVisit</c>:
/// the date is a working day for the host, within the cycle's academic year, at least the
/// notice (10 working days) after today, a day the ILE is available and at no other visit;
/// the reviewers are at least two current staff of other member schools, from at least two
/// schools, none on another visit that day and none on their own school's closure day
/// (a training day is a day staff are needed at their own school).
/// </summary>
public static class VisitRules
{
    public static DomainError? CheckDate(ReviewRuleData data, string hostUrn, DateOnly date)
    {
        var path = new[] { "input", "date" };
        var host = data.NameOf(hostUrn);
        if (!data.Year.Contains(date))
        {
            return new DomainError(PeerReviewErrorCodes.OutsideAcademicYear, $"{Format(date)} is outside the cycle's academic year {data.Year}.", path);
        }
        if (data.Calendar.ReasonNotWorking(date, hostUrn) is { } reason)
        {
            return new DomainError(PeerReviewErrorCodes.NotWorkingDay, $"{Format(date)} is not a working day at {host}: {Describe(reason)}.", path);
        }
        var earliest = data.EarliestVisitDate(hostUrn);
        if (earliest is null || date < earliest)
        {
            return new DomainError(PeerReviewErrorCodes.TooSoon,
                $"A visit needs {data.Options.MinimumNoticeWorkingDays} working days' notice at {host}: the earliest date is {(earliest is { } e ? Format(e) : "beyond the known term dates")}.", path);
        }
        if (data.LeaderUnavailable.Contains(date))
        {
            return new DomainError(PeerReviewErrorCodes.LeaderUnavailable, $"The cluster's ILE is unavailable on {Format(date)}.", path);
        }
        if (data.LeaderBusy.Contains(date))
        {
            return new DomainError(ErrorCodes.Clash, $"The cluster's ILE is at another visit on {Format(date)}.", path);
        }
        return null;
    }

    public static IReadOnlyList<DomainError> CheckReviewers(ReviewRuleData data, string hostUrn, DateOnly date, IReadOnlyList<long> reviewerIds)
    {
        var errors = new List<DomainError>();
        var schools = new HashSet<string>();
        for (var i = 0; i < reviewerIds.Count; i++)
        {
            var path = new[] { "input", "reviewerStaffIds", i.ToString(CultureInfo.InvariantCulture) };
            var id = reviewerIds[i];
            if (reviewerIds.Take(i).Contains(id))
            {
                errors.Add(DomainError.Invalid("The same person is named twice.", path));
                continue;
            }
            if (!data.Staff.TryGetValue(id, out var member))
            {
                errors.Add(new DomainError(PeerReviewErrorCodes.ReviewerNotEligible, "Reviewers must be current staff of the cluster's member schools.", path));
                continue;
            }
            if (member.SchoolUrn == hostUrn)
            {
                errors.Add(new DomainError(PeerReviewErrorCodes.ReviewerNotEligible, $"{member.Name} works at the host school; reviewers come from the other member schools.", path));
                continue;
            }
            schools.Add(member.SchoolUrn);
            if (data.IsStaffBusy(id, date))
            {
                errors.Add(new DomainError(ErrorCodes.Clash, $"{member.Name} is reviewing on another visit on {Format(date)}.", path));
            }
            else if (data.Calendar.IsClosureDay(date, member.SchoolUrn))
            {
                errors.Add(new DomainError(PeerReviewErrorCodes.ReviewerUnavailable,
                    $"{member.Name}'s school, {data.NameOf(member.SchoolUrn)}, has a closure (training) day on {Format(date)}.", path));
            }
        }
        if (reviewerIds.Count < 2)
        {
            errors.Add(new DomainError(PeerReviewErrorCodes.TooFewReviewers, "A visit needs at least two reviewers.", ["input", "reviewerStaffIds"]));
        }
        else if (errors.Count == 0 && schools.Count < 2)
        {
            errors.Add(new DomainError(PeerReviewErrorCodes.ReviewersFromOneSchool, "Reviewers must come from at least two different schools.", ["input", "reviewerStaffIds"]));
        }
        return errors;
    }

    public static string Format(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    public static string Describe(NonWorkingReason reason) => reason switch
    {
        NonWorkingReason.Weekend => "it is a weekend",
        NonWorkingReason.Holiday => "it is outside term time",
        NonWorkingReason.BankHoliday => "it is a bank holiday",
        _ => "the school is closed (training day)",
    };
}
