using InclusionNetwork.Grains.Courses;

namespace InclusionNetwork.Grains.Uptake;

/// <summary>The Inclusion Leader Development Programme in one group of open schools; the contract's <c>LeadershipUptake</c>.</summary>
public sealed record LeadershipUptake(string Group, int Schools, int SchoolsWithSeniorAndMiddleLeader, IReadOnlyList<LeadershipLevelUptake> Levels)
{
    public double? Rate => Uptake.Rate.Of(SchoolsWithSeniorAndMiddleLeader, Schools);
}

/// <summary>
/// Schools of a group with at least one member of staff who completed a run of a course at
/// <paramref name="Level"/>; the rate is over all the group's schools.
/// </summary>
public sealed record LeadershipLevelUptake(LeadershipLevel Level, int Schools, int GroupSchools)
{
    public double? Rate => Uptake.Rate.Of(Schools, GroupSchools);
}
