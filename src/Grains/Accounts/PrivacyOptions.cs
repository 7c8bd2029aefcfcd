namespace InclusionNetwork.Grains.Accounts;

/// <summary>How long personal data is kept (configuration section <c>Privacy</c>).</summary>
public sealed class PrivacyOptions
{
    /// <summary>
    /// Staff removed from their school longer ago than this are erased: six years, the usual
    /// period for keeping training records.
    /// </summary>
    public TimeSpan ErasureAfter { get; set; } = TimeSpan.FromDays(6 * 365 + 2);

    /// <summary>
    /// How often the retention grain looks for people due to be erased (one indexed query): the
    /// period of its Orleans reminder, which ticks at most once a minute.
    /// </summary>
    public TimeSpan RetentionCheckInterval { get; set; } = TimeSpan.FromHours(1);
}
