using InclusionNetwork.Grains.Messages;

namespace InclusionNetwork.Silo.Email;

/// <summary>
/// Makes sure the cluster's daily delivery-failure summary reminder exists once this silo has
/// joined. The reminder is durable: this is for a new database; the ticks go to whichever silo
/// owns the reminder, so one summary a day goes however many silos run.
/// </summary>
public sealed class DeliveryFailureSummarySchedule(IGrainFactory grains) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        grains.GetGrain<IDeliveryFailureSummaryGrain>(DeliveryFailureSummaryGrain.ClusterKey).ScheduleAsync();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
