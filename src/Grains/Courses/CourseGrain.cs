using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Orleans;

namespace InclusionNetwork.Grains.Courses;

/// <summary>
/// Creates and changes one course and publishes its runs. Orleans keeps one activation of the
/// course in the cluster, so it reads the course once and keeps it: each command checks its
/// rules on what it holds and writes through <see cref="CourseStore"/> at the held version.
/// When the write finds the course moved on (a duplicate activation while membership changes,
/// or a writer outside the grains), the grain reads it again, checks the rules again and tries
/// once more; a second miss is a conflict for the caller.
/// </summary>
public sealed class CourseGrain(CourseStore store, DomainClock clock) : Grain, ICourseGrain
{
    private const int MaxSessions = 60;
    private const int MaxCapacity = 2000;

    private long Id => this.GetPrimaryKeyLong();

    /// <summary>The course as last read or written; null when there is no such course yet (read again on each call).</summary>
    private Course? held;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => held = await store.LoadAsync(Id, cancellationToken);

    public async Task<CommandResult<Course>> SaveAsync(Viewer viewer, CourseDraft draft, bool create)
    {
        if (!viewer.IsAdmin)
        {
            if (!viewer.Has(Role.PROVIDER))
            {
                return CommandResult<Course>.Failure(DomainError.NotAllowed("Only providers and admins may add or change courses."));
            }
            if (draft.ProviderAccountId is { } named && named != viewer.AccountId)
            {
                return CommandResult<Course>.Failure(DomainError.NotAllowed("A provider adds and changes only their own courses."));
            }
            // A provider's course is always their own, so they go on publishing its runs.
            draft = draft with { ProviderAccountId = viewer.AccountId };
        }
        var errors = Validate(draft);
        if (draft.ProviderAccountId is { } providerAccount && !await store.IsProviderAccountAsync(providerAccount))
        {
            errors.Add(DomainError.NotFound("No provider account has that id.", "input", "providerAccountId"));
        }
        if (errors.Count > 0)
        {
            // Who may act comes first: someone who may not change the course learns only that.
            return !create && await CheckAsync(course => MayChange(viewer, course), reload: false, "id") is { } refusal
                ? CommandResult<Course>.Failure(refusal)
                : new CommandResult<Course>(null, errors);
        }
        if (create)
        {
            // The id was reserved from the courses' sequence for this grain, so only a repeated
            // create finds it taken.
            if (await store.InsertAsync(Id, draft, clock.GetUtcNow()) is not { } created)
            {
                return CommandResult<Course>.Failure(new DomainError(ErrorCodes.Conflict, "A course with that id already exists.", ["input", "id"]));
            }
            held = created;
            return CommandResult<Course>.Success(created);
        }
        return await RunAsync<Course>(course => MayChange(viewer, course), async version => await store.UpdateAsync(Id, version, draft, clock.GetUtcNow()) is { } updated
                ? (updated, updated)
                : null,
            "id");
    }

    public async Task<CommandResult<CourseRun>> ScheduleRunAsync(Viewer viewer, RunSchedule schedule)
    {
        var now = clock.GetUtcNow();
        var errors = new List<DomainError>();
        // The database takes instants in UTC; clients may give any offset.
        schedule = schedule with
        {
            Sessions = schedule.Sessions.Select(s => (s.StartsAt.ToUniversalTime(), s.EndsAt.ToUniversalTime())).ToList(),
            BookingClosesAt = schedule.BookingClosesAt?.ToUniversalTime(),
        };
        var sessions = schedule.Sessions.OrderBy(s => s.StartsAt).ToList();
        if (sessions.Count is 0 or > MaxSessions)
        {
            errors.Add(DomainError.Invalid($"Give between 1 and {MaxSessions} sessions.", "input", "sessions"));
        }
        for (var i = 0; i < schedule.Sessions.Count; i++)
        {
            var (startsAt, endsAt) = schedule.Sessions[i];
            if (endsAt <= startsAt)
            {
                errors.Add(DomainError.Invalid("A session must end after it starts.", "input", "sessions", $"{i}", "endsAt"));
            }
            else if (endsAt - startsAt > TimeSpan.FromHours(24))
            {
                errors.Add(DomainError.Invalid("A session lasts at most 24 hours; give each day as its own session.", "input", "sessions", $"{i}", "endsAt"));
            }
            if (startsAt <= now)
            {
                errors.Add(DomainError.Invalid("A session must start in the future.", "input", "sessions", $"{i}", "startsAt"));
            }
        }
        for (var i = 1; i < sessions.Count; i++)
        {
            if (sessions[i].StartsAt < sessions[i - 1].EndsAt)
            {
                errors.Add(new DomainError(ErrorCodes.Clash, "Two sessions of the run overlap.", ["input", "sessions"]));
                break;
            }
        }
        var venue = string.IsNullOrWhiteSpace(schedule.Venue) ? null : schedule.Venue.Trim();
        if ((venue is null) != (schedule.DistrictId is null))
        {
            errors.Add(DomainError.Invalid("Give both a venue and its district for an in-person run, or neither for an online one.",
                "input", venue is null ? "venue" : "districtId"));
        }
        if (venue is { Length: > 200 })
        {
            errors.Add(DomainError.Invalid("The venue is at most 200 characters.", "input", "venue"));
        }
        if (schedule.DistrictId is { } districtId && !await store.DistrictExistsAsync(districtId))
        {
            errors.Add(DomainError.NotFound("No district has that id.", "input", "districtId"));
        }
        if (schedule.Capacity is < 1 or > MaxCapacity)
        {
            errors.Add(DomainError.Invalid($"Capacity must be between 1 and {MaxCapacity}.", "input", "capacity"));
        }
        if (schedule.MaxPlacesPerSchool is { } cap && (cap < 1 || cap > schedule.Capacity))
        {
            errors.Add(DomainError.Invalid("The most places per school must be between 1 and the capacity.", "input", "maxPlacesPerSchool"));
        }
        var closes = schedule.BookingClosesAt ?? (sessions.Count > 0 ? sessions[0].StartsAt : now);
        if (errors.Count == 0 && closes > sessions[0].StartsAt)
        {
            errors.Add(DomainError.Invalid("Bookings must close no later than the first session starts.", "input", "bookingClosesAt"));
        }
        if (errors.Count > 0)
        {
            return await RefuseAsync(viewer, errors);
        }
        return await RunAsync<CourseRun>(course => MayPublish(viewer, course),
            async version => await store.InsertRunAsync(Id, version, schedule, sessions, venue, closes, now) is { } run ? (run, null) : null,
            "courseId");
    }

    private static DomainError? MayChange(Viewer viewer, Course course) =>
        viewer.IsAdmin || course.ProviderAccountId == viewer.AccountId
            ? null
            : DomainError.NotAllowed("Only the course's provider and admins may change it.");

    private static DomainError? MayPublish(Viewer viewer, Course course) =>
        viewer.IsAdmin || (viewer.Has(Role.PROVIDER) && course.ProviderAccountId == viewer.AccountId)
            ? null
            : DomainError.NotAllowed("Only the course's provider and admins may publish its runs.");

    /// <summary>
    /// Refuses a schedule that breaks its own rules; who may act still comes first, so someone
    /// who may not publish learns only that.
    /// </summary>
    private async Task<CommandResult<CourseRun>> RefuseAsync(Viewer viewer, List<DomainError> errors) =>
        await CheckAsync(course => MayPublish(viewer, course), reload: false, "courseId") is { } refusal
            ? CommandResult<CourseRun>.Failure(refusal)
            : new CommandResult<CourseRun>(null, errors);

    /// <summary>
    /// Checks <paramref name="rule"/> on the held course, then writes at its version. A write
    /// that finds the course moved on reads it again, checks again and tries once more.
    /// </summary>
    /// <param name="write">The write at the version given: what it made and the course as it now stands (null when unchanged), or null when the course was no longer at that version.</param>
    /// <param name="idField">The input field that named the course, for a course that does not exist.</param>
    private async Task<CommandResult<T>> RunAsync<T>(
        Func<Course, DomainError?> rule, Func<int, Task<(T Made, Course? Course)?>> write, string idField) where T : class
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (await CheckAsync(rule, reload: attempt > 0, idField) is { } refusal)
            {
                return CommandResult<T>.Failure(refusal);
            }
            var course = held!;
            if (await write(course.Version) is { } written)
            {
                held = written.Course ?? course;
                return CommandResult<T>.Success(written.Made);
            }
        }
        return CommandResult<T>.Failure(new DomainError(ErrorCodes.Conflict, "Someone else changed the course at the same time; try again.", ["input", idField]));
    }

    /// <summary>
    /// The rule's refusal on the course, or null when it holds (then <see cref="held"/> is the
    /// course it held on). A refusal writes nothing, so no version check would notice a writer
    /// outside the grains that changed what the rule read (a new provider named): a refusal on
    /// the held course is confirmed on a fresh read.
    /// </summary>
    private async Task<DomainError?> CheckAsync(Func<Course, DomainError?> rule, bool reload, string idField)
    {
        var fresh = reload || held is null;
        if (fresh)
        {
            held = await store.LoadAsync(Id);
        }
        if (held is null)
        {
            return DomainError.NotFound("No course has that id.", "input", idField);
        }
        if (rule(held) is null)
        {
            return null;
        }
        if (!fresh)
        {
            held = await store.LoadAsync(Id);
            if (held is null)
            {
                return DomainError.NotFound("No course has that id.", "input", idField);
            }
        }
        return rule(held);
    }

    private static List<DomainError> Validate(CourseDraft draft)
    {
        var errors = new List<DomainError>();
        void Text(string? value, string field, int max, string what)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
            {
                errors.Add(DomainError.Invalid($"Enter {what} (at most {max} characters).", "input", field));
            }
        }
        Text(draft.Title, "title", 200, "a title");
        Text(draft.Summary, "summary", 4000, "a summary");
        Text(draft.Provider, "provider", 200, "the provider's name");
        Text(draft.ExpectedImpact, "expectedImpact", 1000, "the expected impact");
        if (draft.Audiences.Count == 0)
        {
            errors.Add(DomainError.Invalid("Choose at least one audience.", "input", "audiences"));
        }
        if (draft.Phases.Count == 0)
        {
            errors.Add(DomainError.Invalid("Choose at least one phase.", "input", "phases"));
        }
        if (draft.PricePence < 0)
        {
            errors.Add(DomainError.Invalid("The price cannot be negative.", "input", "pricePence"));
        }
        if (draft.FundedReleaseDays is < 0 or > 100 || double.IsNaN(draft.FundedReleaseDays)
            || Math.Abs((draft.FundedReleaseDays * 10) - Math.Round(draft.FundedReleaseDays * 10)) > 1e-9)
        {
            errors.Add(DomainError.Invalid("Funded release days are between 0 and 100, to one decimal place.", "input", "fundedReleaseDays"));
        }
        return errors;
    }
}
