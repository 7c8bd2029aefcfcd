namespace InclusionNetwork.Grains.Bookings;

/// <summary>The booked person's evaluation of a run, given once after it ends.</summary>
public sealed record Evaluation(
    long BookingId, ContentRating Content, Agreement KnowledgeImproved, Agreement ConfidenceImproved, string? Comments, DateTimeOffset SubmittedAt);
