using Orleans;

namespace InclusionNetwork.Grains.Courses;

/// <summary>What a participant is expected to know already.</summary>
[GenerateSerializer]
public enum PriorKnowledge { INTRODUCTORY, INTERMEDIATE, ADVANCED }
