using Orleans;

namespace InclusionNetwork.Grains.Courses;

/// <summary>How a course is delivered.</summary>
[GenerateSerializer]
public enum DeliveryMode { IN_PERSON, LIVE_ONLINE, E_LEARNING, RECORDED_WEBINAR, BLENDED }
