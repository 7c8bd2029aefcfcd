using System.Globalization;
using InclusionNetwork.Grains.Common;

namespace InclusionNetwork.Grains.TermDates;

/// <summary>
/// What a term period must be, judged against the year's other periods: named, ending on or
/// after its start, inside its academic year, and, for a TERM, clear of the year's other
/// terms (term time is the union of the terms, so an overlap is always a typing mistake).
/// A HOLIDAY must start in the year but may run past 31 August: the summer holiday ends when
/// the next year's first term begins.
/// </summary>
public static class TermPeriodRules
{
    public const int MostNameLength = 100;

    public static IReadOnlyList<DomainError> Check(AcademicYear year, IReadOnlyList<StoredTermPeriod> others, TermPeriodKind kind, string name,
        DateOnly startsOn, DateOnly endsOn)
    {
        var errors = new List<DomainError>();
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > MostNameLength)
        {
            errors.Add(DomainError.Invalid($"Give the period a name of 1 to {MostNameLength} characters, like Autumn 1.", "input", "name"));
        }
        if (!year.Contains(startsOn))
        {
            errors.Add(new DomainError(TermDatesErrorCodes.OutsideAcademicYear,
                $"The start date must be in {year}, between {Day(year.StartsOn)} and {Day(year.EndsOn)}.", ["input", "startsOn"]));
        }
        if (endsOn < startsOn)
        {
            errors.Add(new DomainError(TermDatesErrorCodes.EndsBeforeStarts, "The end date must be the same as or after the start date.", ["input", "endsOn"]));
        }
        else if (kind != TermPeriodKind.HOLIDAY && !year.Contains(endsOn))
        {
            errors.Add(new DomainError(TermDatesErrorCodes.OutsideAcademicYear,
                $"The end date must be in {year}, on or before {Day(year.EndsOn)}.", ["input", "endsOn"]));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        if (others.FirstOrDefault(p => p.Kind == kind && p.StartsOn == startsOn) is { } same)
        {
            errors.Add(new DomainError(TermDatesErrorCodes.PeriodExists,
                $"{same.Name} already starts on {Day(startsOn)}. Change that period instead.", ["input", "startsOn"]));
        }
        else if (kind == TermPeriodKind.TERM && others.FirstOrDefault(p => p.Kind == TermPeriodKind.TERM && p.Overlaps(startsOn, endsOn)) is { } clash)
        {
            errors.Add(new DomainError(TermDatesErrorCodes.TermsOverlap,
                $"The term overlaps {clash.Name} ({Day(clash.StartsOn)} to {Day(clash.EndsOn)}). Terms may not overlap.", ["input", "startsOn"]));
        }
        return errors;
    }

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
