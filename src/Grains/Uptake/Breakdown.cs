namespace InclusionNetwork.Grains.Uptake;

/// <summary>How uptake figures are grouped, as the public contract names it.</summary>
public enum Breakdown { COUNTY, AREA, DISTRICT, PHASE, SCHOOL_TYPE }
