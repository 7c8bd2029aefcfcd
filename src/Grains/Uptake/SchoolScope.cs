namespace InclusionNetwork.Grains.Uptake;

/// <summary>
/// Which schools a figure is about, as the contract defines it. ALL: every open
/// establishment. MAINSTREAM: type MAINTAINED, ACADEMY or FREE_SCHOOL with phase PRIMARY,
/// SECONDARY or ALL_THROUGH. EARLY_YEARS: type EARLY_YEARS_SETTING or phase EARLY_YEARS.
/// SPECIAL_AND_ALTERNATIVE: type SPECIAL or PUPIL_REFERRAL_UNIT. Independent schools and
/// sixth-form-only colleges are in ALL only: the programme is not for them.
/// </summary>
public enum SchoolScope { ALL, MAINSTREAM, EARLY_YEARS, SPECIAL_AND_ALTERNATIVE }

internal static class SchoolScopes
{
    /// <summary>A condition on the schools row aliased <c>s</c> that holds for the scope's schools.</summary>
    public static string Sql(SchoolScope scope) => scope switch
    {
        SchoolScope.ALL => "true",
        SchoolScope.MAINSTREAM => "(s.school_type IN ('MAINTAINED', 'ACADEMY', 'FREE_SCHOOL') AND s.phase IN ('PRIMARY', 'SECONDARY', 'ALL_THROUGH'))",
        SchoolScope.EARLY_YEARS => "(s.school_type = 'EARLY_YEARS_SETTING' OR s.phase = 'EARLY_YEARS')",
        SchoolScope.SPECIAL_AND_ALTERNATIVE => "s.school_type IN ('SPECIAL', 'PUPIL_REFERRAL_UNIT')",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Not a school scope."),
    };
}
