using InclusionNetwork.Grains.Accounts;

namespace InclusionNetwork.Silo.Privacy;

/// <summary>
/// Makes sure the cluster's retention reminder exists once this silo has joined (it is
/// registered after the silo, so it starts after it). The reminder is durable: this is for a
/// new database, or a changed <c>Privacy:RetentionCheckInterval</c>; the ticks themselves go to
/// whichever silo owns the reminder.
/// </summary>
public sealed class RetentionSchedule(IGrainFactory grains) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => grains.GetGrain<IRetentionGrain>(RetentionGrain.ClusterKey).ScheduleAsync();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
