namespace InclusionNetwork.Grains.Calendars;

/// <summary>The people a booking concerns: its member of staff, their school and the course's provider account.</summary>
public sealed record BookingParties(long StaffId, string SchoolUrn, long RunId, long? ProviderAccountId);
