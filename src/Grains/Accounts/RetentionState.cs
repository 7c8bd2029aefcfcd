using Orleans;

namespace InclusionNetwork.Grains.Accounts;

/// <summary>
/// The retention job's own bookkeeping, private to its grain and so kept in Orleans
/// persistent state (the <c>OrleansStorage</c> table), not in our normalized tables: what
/// the job needs to work is in <c>staff.removed_at</c> and <c>staff.erased_at</c>.
/// </summary>
[GenerateSerializer]
public sealed record RetentionState
{
    /// <summary>When the last run finished; null before the first.</summary>
    [Id(0)] public DateTimeOffset? LastRunAt { get; init; }

    /// <summary>How many members of staff the last run erased.</summary>
    [Id(1)] public int LastRunErased { get; init; }

    /// <summary>
    /// The cursor of the last run: everyone removed before this instant has been erased (the
    /// erasure period back from <see cref="LastRunAt"/>).
    /// </summary>
    [Id(2)] public DateTimeOffset? ErasedRemovedBefore { get; init; }

    /// <summary>How many members of staff the job has erased since it first ran.</summary>
    [Id(3)] public long ErasedInAll { get; init; }

    /// <summary>The period the reminder was registered at, so a changed setting registers it again.</summary>
    [Id(4)] public TimeSpan? ReminderPeriod { get; init; }
}
