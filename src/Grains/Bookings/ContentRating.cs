using Orleans;

namespace InclusionNetwork.Grains.Bookings;

/// <summary>An evaluation's rating of the course content.</summary>
[GenerateSerializer]
public enum ContentRating { POOR, FAIR, GOOD, EXCELLENT }
