namespace InclusionNetwork.Grains.Uptake;

/// <summary>The Inclusion Leader Development Programme in one group of open schools; the contract's <c>LeadershipUptake</c>.</summary>
public sealed record LeadershipUptake(string Group, int Schools, int SchoolsWithSeniorAndMiddleLeader)
{
    public double? Rate => Uptake.Rate.Of(SchoolsWithSeniorAndMiddleLeader, Schools);
}
