namespace InclusionNetwork.Grains.Bookings;

/// <summary>When people are reminded of a course (configuration section <c>Notifications</c>).</summary>
public sealed class CourseReminderOptions
{
    /// <summary>
    /// Each person confirmed on a run is reminded this many working days before it starts
    /// (weekdays in term time that are not bank holidays; plain weekdays where no term dates are known).
    /// </summary>
    public int CourseStartsWorkingDays { get; set; } = 2;
}
