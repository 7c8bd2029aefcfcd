namespace InclusionNetwork.Grains.Bookings;

/// <summary>The implementation review some weeks after completion, given once.</summary>
public sealed record FollowUp(long BookingId, Implementation Implemented, string? Notes, DateTimeOffset SubmittedAt);
