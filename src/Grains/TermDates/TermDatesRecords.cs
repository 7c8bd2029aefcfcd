using Orleans;

namespace InclusionNetwork.Grains.TermDates;

/// <summary>A term, half term or holiday as stored, with its id so it can be changed or removed.</summary>
[GenerateSerializer, Immutable]
public sealed record StoredTermPeriod(long Id, string AcademicYear, TermPeriodKind Kind, string Name, DateOnly StartsOn, DateOnly EndsOn)
{
    public bool Overlaps(DateOnly startsOn, DateOnly endsOn) => StartsOn <= endsOn && startsOn <= EndsOn;
}

/// <summary>An academic year the county has term dates for, with its periods, earliest first.</summary>
[GenerateSerializer, Immutable]
public sealed record AcademicYearTerms(string Id, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<StoredTermPeriod> TermPeriods);

/// <summary>A training (INSET) or other day a school is closed to pupils in term time.</summary>
[GenerateSerializer, Immutable]
public sealed record ClosureDay(string SchoolUrn, DateOnly Date, string Reason);

/// <summary>A term period's new values; a null keeps what is stored.</summary>
[GenerateSerializer, Immutable]
public sealed record TermPeriodChange(TermPeriodKind? Kind, string? Name, DateOnly? StartsOn, DateOnly? EndsOn);
