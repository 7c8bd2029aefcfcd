namespace InclusionNetwork.Grains.Bookings;

/// <summary>How far what was learnt has been put into practice, at follow-up.</summary>
public enum Implementation { NOT_YET, PARTLY, FULLY }
