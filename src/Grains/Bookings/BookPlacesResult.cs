using InclusionNetwork.Grains.Common;
using Orleans;

namespace InclusionNetwork.Grains.Bookings;

/// <summary>
/// Each person's outcome of one booking request: the bookings made (confirmed or
/// waitlisted), and an error for each person refused, whose path names their place in the
/// request. A refused person never blocks the others.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BookPlacesResult(IReadOnlyList<Booking> Bookings, IReadOnlyList<DomainError> Errors);
