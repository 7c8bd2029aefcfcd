using Orleans;

namespace InclusionNetwork.Grains.Messages;

/// <summary>
/// The daily summary's own bookkeeping, private to its grain and so kept in Orleans persistent
/// state (the <c>OrleansStorage</c> table), not in our normalized tables: nothing else reads
/// it. What each message's report depends on stays in <c>notifications</c>
/// (<c>failure_reported_on</c>, and the summary's event key), written in the summary's own
/// transaction, which is also the backstop should this marker be lost or behind.
/// </summary>
[GenerateSerializer]
public sealed record DeliveryFailureSummaryState
{
    /// <summary>The London day the last summary went; a tick on that day again writes nothing.</summary>
    [Id(0)] public DateOnly? SentOn { get; init; }

    /// <summary>How many failures the last summary reported.</summary>
    [Id(1)] public int LastReported { get; init; }

    /// <summary>How many failures every summary so far reported, together.</summary>
    [Id(2)] public long ReportedInAll { get; init; }

    /// <summary>The London time of day the reminder was registered for, so a changed time registers it again.</summary>
    [Id(3)] public TimeOnly? ReminderAt { get; init; }
}
