namespace InclusionNetwork.Runtime.Tests;

public interface IRendezvousGrain : IGrainWithStringKey
{
    /// <summary>Returns once <paramref name="parties"/> calls (on any grains) are inside this method at once.</summary>
    Task MeetAsync(int parties);
}
