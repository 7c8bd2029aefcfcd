namespace InclusionNetwork.Runtime;

/// <summary>
/// On a grain class: every call interleaves, as if each method carried
/// <see cref="AlwaysInterleaveAttribute"/>. The grain must then be thread-safe.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReentrantAttribute : Attribute;
