namespace InclusionNetwork.Runtime;

/// <summary>
/// The durable reminder table. Grains normally use <see cref="Grain.RegisterOrUpdateReminderAsync"/>;
/// the host can use this directly with <see cref="GrainReferenceExtensions.GetGrainId"/>.
/// </summary>
public interface IReminderRegistry
{
    /// <summary>
    /// Creates the reminder, or moves an existing one of that name: due after
    /// <paramref name="dueTime"/> (from the injected <see cref="TimeProvider"/>'s now), then every
    /// <paramref name="period"/>, or once if it is null.
    /// </summary>
    Task RegisterOrUpdateReminderAsync(GrainId grainId, string name, TimeSpan dueTime, TimeSpan? period, CancellationToken cancellationToken = default);

    /// <returns>False if there was no reminder of that name.</returns>
    Task<bool> UnregisterReminderAsync(GrainId grainId, string name, CancellationToken cancellationToken = default);

    Task<GrainReminder?> GetReminderAsync(GrainId grainId, string name, CancellationToken cancellationToken = default);
}
