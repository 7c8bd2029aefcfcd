namespace InclusionNetwork.Grains.Bookings;

/// <summary>An evaluation's rating of the course content.</summary>
public enum ContentRating { POOR, FAIR, GOOD, EXCELLENT }
