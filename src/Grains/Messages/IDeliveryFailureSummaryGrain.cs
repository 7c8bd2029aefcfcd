using Orleans;

namespace InclusionNetwork.Grains.Messages;

/// <summary>The cluster's one daily summary, for admins, of messages that failed for good (key <see cref="DeliveryFailureSummaryGrain.ClusterKey"/>).</summary>
public interface IDeliveryFailureSummaryGrain : IGrainWithIntegerKey
{
    /// <summary>Registers the daily reminder unless it exists at the summary's time (each silo asks on start).</summary>
    Task ScheduleAsync();

    /// <summary>
    /// What a tick does: writes today's summary to each admin when messages have failed since the
    /// last one and none has gone today. Returns how many failures it reported (0: nothing written).
    /// </summary>
    Task<int> SummariseAsync();

    /// <summary>The summary's bookkeeping as the grain holds it.</summary>
    Task<DeliveryFailureSummaryState> StatusAsync();
}
