namespace InclusionNetwork.Grains.TermDates;

/// <summary>Stable codes of the term-date rules (beside the common ones). Add codes; never rename or reuse one.</summary>
public static class TermDatesErrorCodes
{
    public const string AcademicYearExists = "ACADEMIC_YEAR_EXISTS";
    /// <summary>An academic year's dates are not 1 September to 31 August of the years its id names.</summary>
    public const string AcademicYearDates = "ACADEMIC_YEAR_DATES";
    public const string OutsideAcademicYear = "OUTSIDE_ACADEMIC_YEAR";
    public const string EndsBeforeStarts = "ENDS_BEFORE_STARTS";
    public const string TermsOverlap = "TERMS_OVERLAP";
    /// <summary>The year already has a period of that kind starting that day.</summary>
    public const string PeriodExists = "PERIOD_EXISTS";
    /// <summary>A closure day must be a school day: a weekday in term time of a year we have, not a bank holiday.</summary>
    public const string NotATermDay = "NOT_A_TERM_DAY";
    public const string ClosureDayExists = "CLOSURE_DAY_EXISTS";
}
