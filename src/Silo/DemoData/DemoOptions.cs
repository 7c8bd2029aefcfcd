namespace InclusionNetwork.Silo.DemoData;

/// <summary>Configuration section <c>Demo</c>.</summary>
public sealed class DemoOptions
{
    /// <summary>
    /// Load the demo county. Defaults to on for the embedded database and off for a
    /// configured one, so production never gets demo accounts by accident.
    /// </summary>
    public bool? Load { get; set; }

    /// <summary>The password of every demo account; generated and printed once when unset.</summary>
    public string? Password { get; set; }
}
