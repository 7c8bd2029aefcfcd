using System.Globalization;

namespace InclusionNetwork.Runtime;

/// <summary>
/// Base class of grain implementations. The runtime creates grains through DI
/// (<c>ActivatorUtilities</c>), so constructors take services (stores, <see cref="TimeProvider"/>,
/// loggers, <see cref="IPersistentState{TState}"/>); the grain's identity is available from
/// the constructor on, through <see cref="GrainContext"/>.
/// </summary>
public abstract class Grain
{
    private readonly GrainActivation activation;

    protected Grain()
    {
        activation = GrainActivation.Constructing
            ?? throw new InvalidOperationException($"{GetType().Name} is a grain: get a reference from IGrainFactory.GetGrain instead of constructing it.");
    }

    public IGrainContext GrainContext => activation;

    public GrainId GrainId => activation.GrainId;

    protected IGrainFactory GrainFactory => activation.Runtime;

    public string GetPrimaryKeyString() => activation.GrainId.Key;

    public long GetPrimaryKeyLong() => long.Parse(activation.GrainId.Key, NumberStyles.Integer, CultureInfo.InvariantCulture);

    public Guid GetPrimaryKey() => Guid.Parse(activation.GrainId.Key);

    /// <summary>
    /// Runs before the first call, after every <see cref="IPersistentState{TState}"/> the grain
    /// took has been read. If it throws, the calls waiting for it fail with that exception and
    /// the next call tries a fresh activation.
    /// </summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs once no call is in progress and before the activation is dropped.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc cref="IGrainContext.DeactivateOnIdle"/>
    protected void DeactivateOnIdle() => activation.DeactivateOnIdle();

    /// <summary>
    /// Registers (or moves) a durable reminder of this grain: first due after
    /// <paramref name="dueTime"/>, then every <paramref name="period"/>, or once when it is null.
    /// The grain must implement <see cref="IRemindable"/>.
    /// </summary>
    protected Task RegisterOrUpdateReminderAsync(string name, TimeSpan dueTime, TimeSpan? period = null, CancellationToken cancellationToken = default)
    {
        if (this is not IRemindable)
        {
            throw new InvalidOperationException($"{GetType().Name} registers reminder '{name}' but does not implement IRemindable, so it could never receive it.");
        }
        return activation.Runtime.Reminders.RegisterOrUpdateReminderAsync(GrainId, name, dueTime, period, cancellationToken);
    }

    /// <summary>Removes a reminder of this grain; false if there was none by that name.</summary>
    protected Task<bool> UnregisterReminderAsync(string name, CancellationToken cancellationToken = default) =>
        activation.Runtime.Reminders.UnregisterReminderAsync(GrainId, name, cancellationToken);
}
