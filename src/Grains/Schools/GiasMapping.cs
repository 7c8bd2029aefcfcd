namespace InclusionNetwork.Grains.Schools;

/// <summary>
/// Maps the words of the DfE "Get Information about Schools" extract onto the contract's
/// phases and types. Anything not listed is refused rather than guessed, so a new GIAS
/// category shows up as an import error to be decided, not as a silently wrong figure.
/// </summary>
public static class GiasMapping
{
    private static readonly Dictionary<string, SchoolType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Community school"] = SchoolType.MAINTAINED,
        ["Voluntary aided school"] = SchoolType.MAINTAINED,
        ["Voluntary controlled school"] = SchoolType.MAINTAINED,
        ["Foundation school"] = SchoolType.MAINTAINED,
        ["Academy converter"] = SchoolType.ACADEMY,
        ["Academy sponsor led"] = SchoolType.ACADEMY,
        ["Academy 16-19 converter"] = SchoolType.ACADEMY,
        ["Academy 16 to 19 sponsor led"] = SchoolType.ACADEMY,
        ["City technology college"] = SchoolType.ACADEMY,
        ["Free schools"] = SchoolType.FREE_SCHOOL,
        ["Free schools 16 to 19"] = SchoolType.FREE_SCHOOL,
        ["Studio schools"] = SchoolType.FREE_SCHOOL,
        ["University technical college"] = SchoolType.FREE_SCHOOL,
        ["Community special school"] = SchoolType.SPECIAL,
        ["Foundation special school"] = SchoolType.SPECIAL,
        ["Non-maintained special school"] = SchoolType.SPECIAL,
        ["Academy special converter"] = SchoolType.SPECIAL,
        ["Academy special sponsor led"] = SchoolType.SPECIAL,
        ["Free schools special"] = SchoolType.SPECIAL,
        ["Other independent special school"] = SchoolType.SPECIAL,
        ["Special post 16 institution"] = SchoolType.SPECIAL,
        ["Pupil referral unit"] = SchoolType.PUPIL_REFERRAL_UNIT,
        ["Academy alternative provision converter"] = SchoolType.PUPIL_REFERRAL_UNIT,
        ["Academy alternative provision sponsor led"] = SchoolType.PUPIL_REFERRAL_UNIT,
        ["Free schools alternative provision"] = SchoolType.PUPIL_REFERRAL_UNIT,
        ["Other independent school"] = SchoolType.INDEPENDENT,
        ["Local authority nursery school"] = SchoolType.EARLY_YEARS_SETTING,
        // Not GIAS categories: early-years settings registered with Ofsted are listed in
        // the same file format by the county's early-years team.
        ["Early years setting"] = SchoolType.EARLY_YEARS_SETTING,
        ["Private, voluntary or independent nursery"] = SchoolType.EARLY_YEARS_SETTING,
    };

    private static readonly Dictionary<string, Phase> Phases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Nursery"] = Phase.EARLY_YEARS,
        ["Primary"] = Phase.PRIMARY,
        ["Middle deemed primary"] = Phase.PRIMARY,
        ["Secondary"] = Phase.SECONDARY,
        ["Middle deemed secondary"] = Phase.SECONDARY,
        ["All-through"] = Phase.ALL_THROUGH,
        ["16 plus"] = Phase.POST_16,
    };

    private static readonly Dictionary<string, bool> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Open"] = true,
        ["Open, but proposed to close"] = true,
        ["Closed"] = false,
        ["Proposed to open"] = false,
    };

    /// <summary>District names the extract has used that differ from today's.</summary>
    private static readonly Dictionary<string, string> FormerDistrictNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Shepway"] = "Folkestone and Hythe",
    };

    public static SchoolType? TypeOf(string giasType) => Types.TryGetValue(giasType.Trim(), out var type) ? type : null;

    /// <summary>
    /// GIAS gives special schools, PRUs and independent schools the phase "Not applicable"
    /// because they span ages: they count as all-through, except early-years settings.
    /// </summary>
    public static Phase? PhaseOf(string giasPhase, SchoolType type)
    {
        if (Phases.TryGetValue(giasPhase.Trim(), out var phase))
        {
            return phase;
        }
        if (string.Equals(giasPhase.Trim(), "Not applicable", StringComparison.OrdinalIgnoreCase))
        {
            return type == SchoolType.EARLY_YEARS_SETTING ? Phase.EARLY_YEARS : Phase.ALL_THROUGH;
        }
        return null;
    }

    public static bool? IsOpen(string giasStatus) => Statuses.TryGetValue(giasStatus.Trim(), out var open) ? open : null;

    public static string CurrentDistrictName(string giasDistrict) =>
        FormerDistrictNames.TryGetValue(giasDistrict.Trim(), out var current) ? current : giasDistrict.Trim();
}
