using Orleans;

namespace InclusionNetwork.Grains.Bookings;

/// <summary>A booking's place: held (CONFIRMED), queued (WAITLISTED), offered a freed place (OFFERED), or gone (CANCELLED).</summary>
[GenerateSerializer]
public enum BookingStatus { CONFIRMED, WAITLISTED, OFFERED, CANCELLED }
