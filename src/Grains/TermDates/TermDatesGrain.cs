using System.Globalization;
using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Orleans;

namespace InclusionNetwork.Grains.TermDates;

/// <summary>
/// The county's term dates. Orleans keeps one activation, so changes are judged one at a time;
/// it holds nothing in memory and judges each change against the rows as stored, so a change
/// made through another silo, or straight in the database, is never judged against stale data.
/// </summary>
public sealed class TermDatesGrain(TermDatesStore store) : Grain, ITermDatesGrain
{
    public const int MostReasonLength = 200;

    public async Task<CommandResult<AcademicYearTerms>> AddAcademicYearAsync(Viewer viewer, string id, DateOnly? startsOn, DateOnly? endsOn)
    {
        if (!viewer.IsAdmin)
        {
            return CommandResult<AcademicYearTerms>.Failure(DomainError.NotAllowed("Only admins may add an academic year."));
        }
        if (!AcademicYear.TryParse(id.Trim(), out var parsed))
        {
            return CommandResult<AcademicYearTerms>.Failure(DomainError.Invalid("Write the academic year like 2027/28.", "input", "id"));
        }
        var year = parsed.Value;
        if (startsOn is { } s && s != year.StartsOn)
        {
            return CommandResult<AcademicYearTerms>.Failure(new DomainError(TermDatesErrorCodes.AcademicYearDates,
                $"{year} starts on {Day(year.StartsOn)}.", ["input", "startsOn"]));
        }
        if (endsOn is { } e && e != year.EndsOn)
        {
            return CommandResult<AcademicYearTerms>.Failure(new DomainError(TermDatesErrorCodes.AcademicYearDates,
                $"{year} ends on {Day(year.EndsOn)}.", ["input", "endsOn"]));
        }
        if (!await store.AddYearAsync(year))
        {
            return CommandResult<AcademicYearTerms>.Failure(new DomainError(TermDatesErrorCodes.AcademicYearExists,
                $"{year} has been added already.", ["input", "id"]));
        }
        return CommandResult<AcademicYearTerms>.Success(new AcademicYearTerms(year.ToString(), year.StartsOn, year.EndsOn, []));
    }

    public async Task<CommandResult<StoredTermPeriod>> AddTermPeriodAsync(Viewer viewer, string academicYear, TermPeriodKind kind, string name, DateOnly startsOn, DateOnly endsOn)
    {
        if (!viewer.IsAdmin)
        {
            return CommandResult<StoredTermPeriod>.Failure(DomainError.NotAllowed("Only admins may change term dates."));
        }
        if (!AcademicYear.TryParse(academicYear, out var year)
            || await store.PeriodsOfYearAsync(academicYear) is not { } periods)
        {
            return CommandResult<StoredTermPeriod>.Failure(DomainError.NotFound("There is no such academic year. Add the year first.", "input", "academicYear"));
        }
        return await SaveAsync(null, year.Value, periods, kind, name, startsOn, endsOn);
    }

    public async Task<CommandResult<StoredTermPeriod>> UpdateTermPeriodAsync(Viewer viewer, long id, TermPeriodChange change)
    {
        if (!viewer.IsAdmin)
        {
            return CommandResult<StoredTermPeriod>.Failure(DomainError.NotAllowed("Only admins may change term dates."));
        }
        if (await store.PeriodAsync(id) is not { } current
            || !AcademicYear.TryParse(current.AcademicYear, out var year)
            || await store.PeriodsOfYearAsync(current.AcademicYear) is not { } periods)
        {
            return CommandResult<StoredTermPeriod>.Failure(DomainError.NotFound("No term period has that id.", "input", "id"));
        }
        return await SaveAsync(id, year.Value, [.. periods.Where(p => p.Id != id)], change.Kind ?? current.Kind, change.Name ?? current.Name,
            change.StartsOn ?? current.StartsOn, change.EndsOn ?? current.EndsOn);
    }

    public async Task<CommandResult<StoredTermPeriod>> RemoveTermPeriodAsync(Viewer viewer, long id)
    {
        if (!viewer.IsAdmin)
        {
            return CommandResult<StoredTermPeriod>.Failure(DomainError.NotAllowed("Only admins may change term dates."));
        }
        return await store.RemovePeriodAsync(id) is { } removed
            ? CommandResult<StoredTermPeriod>.Success(removed)
            : CommandResult<StoredTermPeriod>.Failure(DomainError.NotFound("No term period has that id.", "input", "id"));
    }

    public async Task<CommandResult<ClosureDay>> AddClosureDayAsync(Viewer viewer, string schoolUrn, DateOnly date, string reason)
    {
        if (MayKeepClosures(viewer, schoolUrn) is { } refused)
        {
            return CommandResult<ClosureDay>.Failure(refused);
        }
        if (!await store.SchoolExistsAsync(schoolUrn))
        {
            return CommandResult<ClosureDay>.Failure(DomainError.NotFound("No school has that URN.", "input", "schoolUrn"));
        }
        var trimmed = reason.Trim();
        if (trimmed.Length is 0 or > MostReasonLength)
        {
            return CommandResult<ClosureDay>.Failure(DomainError.Invalid($"Give a reason of 1 to {MostReasonLength} characters, like Training day.", "input", "reason"));
        }
        var calendar = await store.CalendarAroundAsync(date);
        if (calendar.ReasonNotWorking(date) is { } why)
        {
            var because = why switch
            {
                NonWorkingReason.Weekend => "it is a weekend",
                NonWorkingReason.BankHoliday => "it is a bank holiday",
                _ => "it is not in term time of an academic year we have term dates for",
            };
            return CommandResult<ClosureDay>.Failure(new DomainError(TermDatesErrorCodes.NotATermDay,
                $"{Day(date)} cannot be a training day: {because}.", ["input", "date"]));
        }
        var day = new ClosureDay(schoolUrn, date, trimmed);
        return await store.AddClosureDayAsync(day)
            ? CommandResult<ClosureDay>.Success(day)
            : CommandResult<ClosureDay>.Failure(new DomainError(TermDatesErrorCodes.ClosureDayExists,
                $"The school is closed on {Day(date)} already.", ["input", "date"]));
    }

    public async Task<CommandResult<ClosureDay>> RemoveClosureDayAsync(Viewer viewer, string schoolUrn, DateOnly date)
    {
        if (MayKeepClosures(viewer, schoolUrn) is { } refused)
        {
            return CommandResult<ClosureDay>.Failure(refused);
        }
        return await store.RemoveClosureDayAsync(schoolUrn, date) is { } removed
            ? CommandResult<ClosureDay>.Success(removed)
            : CommandResult<ClosureDay>.Failure(DomainError.NotFound($"The school has no closure day on {Day(date)}.", "input", "date"));
    }

    /// <summary>Admins for any school; a school's bookers for their own.</summary>
    private static DomainError? MayKeepClosures(Viewer viewer, string schoolUrn) =>
        viewer.IsAdmin || (viewer.Has(Role.SCHOOL_BOOKER) && viewer.SchoolUrn == schoolUrn)
            ? null
            : DomainError.NotAllowed("Only admins and the school's bookers may change its training days.");

    private async Task<CommandResult<StoredTermPeriod>> SaveAsync(long? id, AcademicYear year, IReadOnlyList<StoredTermPeriod> others, TermPeriodKind kind,
        string name, DateOnly startsOn, DateOnly endsOn)
    {
        var errors = TermPeriodRules.Check(year, others, kind, name, startsOn, endsOn);
        if (errors.Count > 0)
        {
            return new CommandResult<StoredTermPeriod>(null, errors);
        }
        return await store.SavePeriodAsync(id, year.ToString(), kind, name.Trim(), startsOn, endsOn) is { } saved
            ? CommandResult<StoredTermPeriod>.Success(saved)
            : CommandResult<StoredTermPeriod>.Failure(new DomainError(ErrorCodes.Conflict, "The term dates changed meanwhile. Look at them again and retry.", ["input"]));
    }

    private static string Day(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
}
