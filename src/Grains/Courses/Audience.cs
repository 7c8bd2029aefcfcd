using Orleans;

namespace InclusionNetwork.Grains.Courses;

/// <summary>Who a course is for.</summary>
[GenerateSerializer]
public enum Audience { HEADTEACHER, SENIOR_LEADER, MIDDLE_LEADER, SENCO, TEACHER, EARLY_CAREER_TEACHER, TEACHING_ASSISTANT, GOVERNOR, EARLY_YEARS_PRACTITIONER, WHOLE_SCHOOL, PARENT_CARER, LOCAL_AUTHORITY_STAFF }
