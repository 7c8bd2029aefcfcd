using InclusionNetwork.Grains.Schools;

namespace InclusionNetwork.Silo.DemoData;

/// <summary>Invented names for demo staff and leaders, drawn deterministically.</summary>
internal static class DemoPeople
{
    private static readonly string[] GivenNames =
    [
        "Amelia", "Oliver", "Priya", "Noah", "Grace", "Kwame", "Isla", "Tomasz", "Sophie", "Yusuf", "Hannah", "Rhys", "Chloe",
        "Arjun", "Ellie", "Daniel", "Aisha", "Liam", "Megan", "Femi", "Zara", "Callum", "Ruth", "Mateo", "Harriet", "Sanjay",
        "Niamh", "George", "Leah", "Kofi", "Bethany", "Ewan", "Maya", "Joseph", "Imogen", "Bilal", "Rosie", "Dominic", "Ffion", "Ravi",
    ];

    private static readonly string[] FamilyNames =
    [
        "Ashworth", "Bennett", "Chaudhry", "Davies", "Edwards", "Fairbairn", "Gallagher", "Hughes", "Iqbal", "Jenkins", "Kowalski",
        "Lambert", "Mensah", "Nowak", "O'Connor", "Patel", "Quinn", "Richardson", "Singh", "Thompson", "Underwood", "Vaughan",
        "Whitaker", "Xu", "Young", "Zielinski", "Adeyemi", "Brennan", "Castellanos", "Dawson", "Ellison", "Fraser", "Gupta", "Holloway",
    ];

    /// <summary>The staff an establishment of this kind has in the demo, and whether each has an email.</summary>
    public static IEnumerable<(StaffRole Role, bool HasEmail)> StaffFor(SchoolType type, Phase phase)
    {
        if (type == SchoolType.EARLY_YEARS_SETTING)
        {
            yield return (StaffRole.OTHER, true);
            yield return (StaffRole.SENCO, true);
            yield return (StaffRole.EARLY_YEARS_PRACTITIONER, true);
            yield return (StaffRole.EARLY_YEARS_PRACTITIONER, false);
            yield break;
        }
        if (type == SchoolType.ACADEMY && phase == Phase.SECONDARY)
        {
            yield return (StaffRole.EXECUTIVE_HEADTEACHER, true);
        }
        yield return (StaffRole.HEADTEACHER, true);
        yield return (StaffRole.SENIOR_LEADER, true);
        yield return (StaffRole.MIDDLE_LEADER, true);
        yield return (StaffRole.SENCO, true);
        yield return (StaffRole.TEACHER, true);
        yield return (StaffRole.TEACHER, true);
        yield return (StaffRole.EARLY_CAREER_TEACHER, true);
        yield return (StaffRole.TEACHING_ASSISTANT, true);
        yield return (StaffRole.TEACHING_ASSISTANT, false);
        yield return (StaffRole.GOVERNOR, false);
    }

    public static string NameFor(Random random) =>
        $"{GivenNames[random.Next(GivenNames.Length)]} {FamilyNames[random.Next(FamilyNames.Length)]}";
}
