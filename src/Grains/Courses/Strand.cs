using Orleans;

namespace InclusionNetwork.Grains.Courses;

/// <summary>The three strands of the core training offer, and the early-years offer.</summary>
[GenerateSerializer]
public enum Strand { SCHOOL_TO_SCHOOL_SYSTEM, TARGETED_AND_SPECIALIST, PROGRESS_AND_OUTCOMES, EARLY_YEARS }
