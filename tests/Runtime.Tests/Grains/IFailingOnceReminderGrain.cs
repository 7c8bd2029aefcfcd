namespace InclusionNetwork.Runtime.Tests;

public interface IFailingOnceReminderGrain : IGrainWithStringKey
{
    Task ScheduleAsync(string name, TimeSpan dueTime);
}
