using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Orleans;

namespace InclusionNetwork.Grains.Networks;

/// <summary>One network series, keyed by its id: its meetings are added, cancelled and moved here.</summary>
public interface INetworkGrain : IGrainWithIntegerKey
{
    Task<CommandResult<Meeting>> ScheduleMeetingAsync(Viewer viewer, string? title, DateTimeOffset startsAt, DateTimeOffset endsAt, string? location);

    Task<CommandResult<Meeting>> CancelMeetingAsync(Viewer viewer, long meetingId);

    Task<CommandResult<Meeting>> MoveMeetingAsync(Viewer viewer, long meetingId, DateTimeOffset startsAt, DateTimeOffset endsAt, string? location);
}
