namespace InclusionNetwork.Runtime.Tests;

public interface IReminderGrain : IGrainWithStringKey
{
    Task ScheduleAsync(string name, TimeSpan dueTime, TimeSpan? period);

    Task<bool> CancelAsync(string name);
}
