using Orleans;

namespace InclusionNetwork.Grains.Bookings;

/// <summary>Whether a booked person was at one session.</summary>
[GenerateSerializer, Immutable]
public sealed record Attendance(long BookingId, long SessionId, bool Present, DateTimeOffset RecordedAt);
