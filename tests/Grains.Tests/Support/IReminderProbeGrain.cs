using Orleans;

namespace InclusionNetwork.Grains.Tests.Support;

/// <summary>A grain whose only job is to be reminded once and say so in the database.</summary>
public interface IReminderProbeGrain : IGrainWithIntegerKey
{
    Task ArmAsync(TimeSpan dueIn);
}
