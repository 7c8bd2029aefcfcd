namespace InclusionNetwork.Grains.Leaders;

/// <summary>The limits of a leader's record, in one place for designation and change.</summary>
public static class LeaderRules
{
    public const int DefaultMaxClusters = 6;

    /// <summary>More than any leader could run in a year; guards against a slip of the keyboard.</summary>
    public const int MostMaxClusters = 30;

    /// <summary>Unavailable dates one request may add or remove.</summary>
    public const int MostDatesPerChange = 366;
}
