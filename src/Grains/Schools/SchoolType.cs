namespace InclusionNetwork.Grains.Schools;

/// <summary>Kinds of establishment, as the public contract names them.</summary>
public enum SchoolType { MAINTAINED, ACADEMY, FREE_SCHOOL, SPECIAL, PUPIL_REFERRAL_UNIT, INDEPENDENT, EARLY_YEARS_SETTING }
