using Orleans;

namespace InclusionNetwork.Grains.Courses;

/// <summary>The four broad areas of need, or whole-school approaches that span them.</summary>
[GenerateSerializer]
public enum NeedType { COMMUNICATION_AND_INTERACTION, COGNITION_AND_LEARNING, SOCIAL_EMOTIONAL_MENTAL_HEALTH, SENSORY_AND_PHYSICAL, WHOLE_SCHOOL }
