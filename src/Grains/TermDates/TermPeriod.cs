namespace InclusionNetwork.Grains.TermDates;

/// <summary>One term, half term or holiday of an academic year, both ends inclusive.</summary>
public sealed record TermPeriod(string AcademicYear, TermPeriodKind Kind, string Name, DateOnly StartsOn, DateOnly EndsOn)
{
    public bool Contains(DateOnly date) => date >= StartsOn && date <= EndsOn;
}
