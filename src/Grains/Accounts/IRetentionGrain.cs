using Orleans;

namespace InclusionNetwork.Grains.Accounts;

/// <summary>
/// The privacy retention job, one for the whole cluster (key <see cref="RetentionGrain.ClusterKey"/>):
/// driven by a durable Orleans reminder, so it keeps running on the survivors when a silo dies.
/// </summary>
public interface IRetentionGrain : IGrainWithIntegerKey
{
    /// <summary>Makes sure the reminder is registered at the configured period; each silo calls it on start.</summary>
    Task ScheduleAsync();

    /// <summary>Erases everyone now due (what a reminder tick does) and records the run.</summary>
    Task<RetentionState> RunAsync();

    /// <summary>The job's bookkeeping as it holds it.</summary>
    Task<RetentionState> StatusAsync();
}
