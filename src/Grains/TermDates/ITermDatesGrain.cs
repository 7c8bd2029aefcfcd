using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Orleans;

namespace InclusionNetwork.Grains.TermDates;

/// <summary>
/// The county's term dates and its schools' closure days (key 0): the one writer of
/// <c>academic_years</c>, <c>term_periods</c> and <c>school_closure_days</c>. Admins keep the
/// years and their periods; admins and a school's bookers keep the school's closure days.
/// </summary>
public interface ITermDatesGrain : IGrainWithIntegerKey
{
    Task<CommandResult<AcademicYearTerms>> AddAcademicYearAsync(Viewer viewer, string id, DateOnly? startsOn, DateOnly? endsOn);

    Task<CommandResult<StoredTermPeriod>> AddTermPeriodAsync(Viewer viewer, string academicYear, TermPeriodKind kind, string name, DateOnly startsOn, DateOnly endsOn);

    Task<CommandResult<StoredTermPeriod>> UpdateTermPeriodAsync(Viewer viewer, long id, TermPeriodChange change);

    /// <returns>The period as it was.</returns>
    Task<CommandResult<StoredTermPeriod>> RemoveTermPeriodAsync(Viewer viewer, long id);

    Task<CommandResult<ClosureDay>> AddClosureDayAsync(Viewer viewer, string schoolUrn, DateOnly date, string reason);

    /// <returns>The closure day as it was.</returns>
    Task<CommandResult<ClosureDay>> RemoveClosureDayAsync(Viewer viewer, string schoolUrn, DateOnly date);
}
