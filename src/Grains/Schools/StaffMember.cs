using Orleans;

namespace InclusionNetwork.Grains.Schools;

/// <summary>A member of a school's staff. Removed staff keep their row (and history) with <see cref="RemovedAt"/> set.</summary>
[GenerateSerializer, Immutable]
public sealed record StaffMember(long Id, string SchoolUrn, string Name, string? Email, StaffRole Role, DateTimeOffset? RemovedAt);
