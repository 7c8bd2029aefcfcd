using Orleans;

namespace InclusionNetwork.Grains.Schools;

/// <summary>What a member of staff does at their school, as the public contract names it.</summary>
[GenerateSerializer]
public enum StaffRole
{
    HEADTEACHER, EXECUTIVE_HEADTEACHER, SENIOR_LEADER, MIDDLE_LEADER, SENCO,
    TEACHER, EARLY_CAREER_TEACHER, TEACHING_ASSISTANT, GOVERNOR, EARLY_YEARS_PRACTITIONER, OTHER,
}
