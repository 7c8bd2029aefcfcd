using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Orleans;

namespace InclusionNetwork.Grains.Courses;

/// <summary>A course, keyed by its id: the one place it is created, changed and given runs.</summary>
public interface ICourseGrain : IGrainWithIntegerKey
{
    /// <summary>Creates the course with this grain's id (reserved by <see cref="CourseQueries.ReserveIdAsync"/>) or changes it. Admins any course; providers their own (it stays theirs).</summary>
    Task<CommandResult<Course>> SaveAsync(Viewer viewer, CourseDraft draft, bool create);

    /// <summary>Publishes a run of the course. The course's provider and admins only.</summary>
    Task<CommandResult<CourseRun>> ScheduleRunAsync(Viewer viewer, RunSchedule schedule);
}
