using System.Globalization;

namespace InclusionNetwork.Runtime;

/// <summary>
/// The identity of one grain: its grain type name (see <see cref="GrainTypeAttribute"/>) and
/// its key as text. This is what state rows and reminder rows are keyed by, so both parts
/// must stay stable across releases.
/// </summary>
public readonly record struct GrainId(string Type, string Key)
{
    public static string KeyOf(long key) => key.ToString(CultureInfo.InvariantCulture);

    public static string KeyOf(Guid key) => key.ToString("D");

    public override string ToString() => $"{Type}/{Key}";
}
