namespace InclusionNetwork.Grains.Schools;

/// <summary>
/// What the school grain holds: whether the school is open, its row's version (every staff
/// write checks it) and its current staff.
/// </summary>
public sealed record SchoolState(bool Open, int Version, IReadOnlyDictionary<long, StaffMember> CurrentStaff)
{
    /// <summary>The state after a write of this grain moved the version on, with <paramref name="member"/> as written.</summary>
    public SchoolState After(StaffMember member)
    {
        var staff = new Dictionary<long, StaffMember>(CurrentStaff);
        if (member.RemovedAt is null)
        {
            staff[member.Id] = member;
        }
        else
        {
            staff.Remove(member.Id);
        }
        return new SchoolState(Open, Version + 1, staff);
    }
}
