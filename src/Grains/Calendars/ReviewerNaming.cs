namespace InclusionNetwork.Grains.Calendars;

/// <summary>
/// Whose reviewers a feed may name. Staff names are personal data, visible to their own
/// school, its cluster's ILE and admins; a feed names reviewers of the schools its
/// subscriber may see and only counts the rest.
/// </summary>
public sealed record ReviewerNaming(bool AllSchools, IReadOnlyList<string> Schools)
{
    public static readonly ReviewerNaming Everyone = new(true, []);

    public static readonly ReviewerNaming Nobody = new(false, []);

    public static ReviewerNaming Of(string? schoolUrn) => schoolUrn is null ? Nobody : new(false, [schoolUrn]);
}
