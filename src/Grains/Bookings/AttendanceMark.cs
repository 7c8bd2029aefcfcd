using Orleans;

namespace InclusionNetwork.Grains.Bookings;

/// <summary>One line of a register as the provider gives it: a booking id (as sent) and present or not.</summary>
[GenerateSerializer, Immutable]
public sealed record AttendanceMark(string BookingId, bool Present);
