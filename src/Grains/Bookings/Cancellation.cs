using Orleans;

namespace InclusionNetwork.Grains.Bookings;

/// <summary>Why a booking was cancelled.</summary>
[GenerateSerializer]
public enum Cancellation { CANCELLED, OFFER_DECLINED, OFFER_LAPSED, RUN_CANCELLED }
