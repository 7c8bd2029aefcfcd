namespace InclusionNetwork.Runtime;

/// <summary>
/// Names a grain class's type in <see cref="GrainId"/>, and so in state and reminder rows.
/// Without it the class's simple name is used; set it before renaming a class that has data.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
