namespace InclusionNetwork.Runtime.Tests;

public sealed class ProfileState
{
    public string Name { get; set; } = "";
}
