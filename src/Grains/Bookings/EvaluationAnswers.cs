using Orleans;

namespace InclusionNetwork.Grains.Bookings;

/// <summary>What the booked person answers in an evaluation.</summary>
[GenerateSerializer, Immutable]
public sealed record EvaluationAnswers(ContentRating Content, Agreement KnowledgeImproved, Agreement ConfidenceImproved, string? Comments);
