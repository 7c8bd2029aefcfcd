using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.PeerReview;
using Orleans;

namespace InclusionNetwork.Grains.Networks;

/// <summary>
/// A network's meetings. Admins and the network's organisers (its organising ILE, or for a
/// peer-review cluster's own network, the cluster's leader) may add, cancel and move them.
/// </summary>
public sealed class NetworkGrain(NetworkStore store, NetworkQueries networks, PeerReviewQueries clusters, NetworkOrganisers organisers) : Grain, INetworkGrain
{
    public async Task<CommandResult<Meeting>> ScheduleMeetingAsync(Viewer viewer, string? title, DateTimeOffset startsAt, DateTimeOffset endsAt, string? location)
    {
        if (await AuthorizeAsync(viewer) is { } refusal)
        {
            return refusal;
        }
        var network = (await networks.FindManyAsync([this.GetPrimaryKeyLong()]))[this.GetPrimaryKeyLong()];
        if (title is not null && (string.IsNullOrWhiteSpace(title) || title.Length > 200))
        {
            return CommandResult<Meeting>.Failure(DomainError.Invalid("Give the meeting a title of at most 200 characters, or none.", "input", "title"));
        }
        return await store.AddMeetingAsync(network.Id, title ?? network.Name, startsAt, endsAt, location ?? network.Location);
    }

    public async Task<CommandResult<Meeting>> CancelMeetingAsync(Viewer viewer, long meetingId)
    {
        if (await AuthorizeAsync(viewer) is { } refusal)
        {
            return refusal;
        }
        return await FindMeetingAsync(meetingId) is { } meeting
            ? await store.CancelMeetingAsync(meeting)
            : CommandResult<Meeting>.Failure(DomainError.NotFound("No meeting has that id.", "input", "meetingId"));
    }

    public async Task<CommandResult<Meeting>> MoveMeetingAsync(Viewer viewer, long meetingId, DateTimeOffset startsAt, DateTimeOffset endsAt, string? location)
    {
        if (await AuthorizeAsync(viewer) is { } refusal)
        {
            return refusal;
        }
        return await FindMeetingAsync(meetingId) is { } meeting
            ? await store.MoveMeetingAsync(meeting, startsAt, endsAt, location)
            : CommandResult<Meeting>.Failure(DomainError.NotFound("No meeting has that id.", "input", "meetingId"));
    }

    private async Task<Meeting?> FindMeetingAsync(long meetingId) =>
        await networks.MeetingAsync(meetingId) is { } meeting && meeting.NetworkId == this.GetPrimaryKeyLong() ? meeting : null;

    private async Task<CommandResult<Meeting>?> AuthorizeAsync(Viewer viewer)
    {
        var network = (await networks.FindManyAsync([this.GetPrimaryKeyLong()])).GetValueOrDefault(this.GetPrimaryKeyLong());
        if (network is null)
        {
            return CommandResult<Meeting>.Failure(DomainError.NotFound("No network has that id.", "input", "networkId"));
        }
        if (viewer.IsAdmin || (viewer.LeaderId is { } leaderId && viewer.Has(Role.LEADER) && network.OrganiserLeaderId == leaderId))
        {
            return null;
        }
        if (await organisers.IsOrganiserAsync(network.Id, viewer))
        {
            return null;
        }
        if (network.ClusterId is { } clusterId && (await clusters.ClustersAsync([clusterId])).GetValueOrDefault(clusterId) is { } cluster
            && PeerReviewAccess.MayManage(viewer, cluster))
        {
            return null;
        }
        return CommandResult<Meeting>.Failure(DomainError.NotAllowed("Only admins and the network's organisers may change its meetings."));
    }
}
