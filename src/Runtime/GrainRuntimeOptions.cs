namespace InclusionNetwork.Runtime;

/// <summary>Settings of <c>AddGrainRuntime(options =&gt; ...)</c>.</summary>
public sealed class GrainRuntimeOptions
{
    /// <summary>An activation with no call for this long is deactivated.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan CollectionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The most activations kept in memory; past it the least recently used idle ones are
    /// deactivated, so memory stays bounded however many keys are touched.
    /// </summary>
    public int MaxActivations { get; set; } = 100_000;

    /// <summary>How long <see cref="Grain.OnDeactivateAsync"/> may take before its token is cancelled.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often this silo looks for due reminders.</summary>
    public TimeSpan ReminderPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a claimed reminder is reserved for this silo. It must exceed the time a
    /// delivery takes; if this silo dies, another delivers the reminder after it.
    /// </summary>
    public TimeSpan ReminderLeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The most reminders one poll claims.</summary>
    public int ReminderBatchSize { get; set; } = 100;

    /// <summary>This silo's name in <c>grain_reminders.leased_by</c>, for operators.</summary>
    public string SiloName { get; set; } = $"{Environment.MachineName}/{Environment.ProcessId}";
}
