namespace InclusionNetwork.Grains.Courses;

/// <summary>What a participant is expected to know already.</summary>
public enum PriorKnowledge { INTRODUCTORY, INTERMEDIATE, ADVANCED }
