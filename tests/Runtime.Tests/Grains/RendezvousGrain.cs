namespace InclusionNetwork.Runtime.Tests;

public sealed class RendezvousGrain(GrainProbe probe) : Grain, IRendezvousGrain
{
    public Task MeetAsync(int parties) => probe.ArriveAndWaitAsync(parties);
}
