using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Grains.PeerReview;
using Orleans;

namespace InclusionNetwork.Grains.Networks;

/// <summary>
/// A network's meetings. Admins and the network's organisers (its organising ILE, or for a
/// peer-review cluster's own network, the cluster's leader) may add, cancel and move them.
/// Orleans keeps one activation of the network in the cluster, so it reads the network and its
/// meetings once and keeps them: each command checks the rules on what it holds and writes
/// through the store in one statement guarded by the network's version. When the write finds
/// the network moved on (a duplicate activation while membership changes, or a writer outside
/// the grains), the grain reads it again, checks the rules again and tries once more.
/// </summary>
public sealed class NetworkGrain(NetworkStore store, NetworkQueries networks, PeerReviewQueries clusters, NetworkOrganisers organisers) : Grain, INetworkGrain
{
    private long NetworkId => this.GetPrimaryKeyLong();

    /// <summary>The network as last read or written; null when there is no such network (read again on each call).</summary>
    private Network? network;

    private Dictionary<long, Meeting> meetings = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public Task<CommandResult<Meeting>> ScheduleMeetingAsync(Viewer viewer, string? title, DateTimeOffset startsAt, DateTimeOffset endsAt, string? location)
    {
        if (title is not null && (string.IsNullOrWhiteSpace(title) || title.Length > 200))
        {
            return RefuseAsync(viewer, DomainError.Invalid("Give the meeting a title of at most 200 characters, or none.", "input", "title"));
        }
        return RunAsync(viewer, held => NetworkStore.CheckTimes(startsAt, endsAt) is { } error
            ? Decision.Refuse(error)
            : Decision.Write(version => store.AddMeetingAsync(NetworkId, version, title ?? held.Name, startsAt, endsAt, location ?? held.Location)));
    }

    public Task<CommandResult<Meeting>> CancelMeetingAsync(Viewer viewer, long meetingId) =>
        RunAsync(viewer, _ => meetings.GetValueOrDefault(meetingId) switch
        {
            null => Decision.Refuse(DomainError.NotFound("No meeting has that id.", "input", "meetingId")),
            { Cancelled: true } => Decision.Refuse(new DomainError(ErrorCodes.Invalid, "The meeting is already cancelled.", ["input", "meetingId"])),
            var meeting => Decision.Write(version => store.CancelMeetingAsync(NetworkId, version, meeting)),
        });

    public Task<CommandResult<Meeting>> MoveMeetingAsync(Viewer viewer, long meetingId, DateTimeOffset startsAt, DateTimeOffset endsAt, string? location) =>
        RunAsync(viewer, _ => meetings.GetValueOrDefault(meetingId) switch
        {
            null => Decision.Refuse(DomainError.NotFound("No meeting has that id.", "input", "meetingId")),
            _ when NetworkStore.CheckTimes(startsAt, endsAt) is { } error => Decision.Refuse(error),
            { Cancelled: true } => Decision.Refuse(new DomainError(ErrorCodes.Invalid, "A cancelled meeting cannot be moved.", ["input", "meetingId"])),
            var meeting => Decision.Write(version => store.MoveMeetingAsync(NetworkId, version, meeting, startsAt, endsAt, location)),
        });

    /// <summary>
    /// Checks who may act and the command's rules (<paramref name="decide"/>: a refusal, or the
    /// write to make at the held version), then writes. A write that finds the network moved
    /// on reads it again and goes round once more; a second miss is a conflict for the caller.
    /// </summary>
    private async Task<CommandResult<Meeting>> RunAsync(Viewer viewer, Func<Network, Decision> decide)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (attempt > 0 || network is null)
            {
                // A network created since this activation read it is found on the next call.
                await LoadAsync(CancellationToken.None);
            }
            if (network is not { } held)
            {
                return CommandResult<Meeting>.Failure(DomainError.NotFound("No network has that id.", "input", "networkId"));
            }
            if (await AuthorizeAsync(viewer, held) is { } refusal)
            {
                return CommandResult<Meeting>.Failure(refusal);
            }
            var decision = decide(held);
            if (decision.Then is not { } write)
            {
                return CommandResult<Meeting>.Failure(decision.Refusal!);
            }
            if (await write(held.Version) is { } written)
            {
                meetings[written.Id] = written;
                network = held with { Version = held.Version + 1 };
                return CommandResult<Meeting>.Success(written);
            }
        }
        return CommandResult<Meeting>.Failure(new DomainError(ErrorCodes.Conflict, "Someone else changed the network's meetings at the same time; try again."));
    }

    /// <summary>A refusal found before any rule: who may act still comes first.</summary>
    private async Task<CommandResult<Meeting>> RefuseAsync(Viewer viewer, DomainError error)
    {
        if (network is null)
        {
            await LoadAsync(CancellationToken.None);
        }
        if (network is not { } held)
        {
            return CommandResult<Meeting>.Failure(DomainError.NotFound("No network has that id.", "input", "networkId"));
        }
        return CommandResult<Meeting>.Failure(await AuthorizeAsync(viewer, held) ?? error);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        network = (await networks.FindManyAsync([NetworkId], cancellationToken)).GetValueOrDefault(NetworkId);
        meetings = network is null ? [] : (await networks.MeetingsAsync([NetworkId], null, null, cancellationToken))[NetworkId].ToDictionary(m => m.Id);
    }

    /// <summary>
    /// Admins, the organising ILE, and for a cluster's own network whoever manages the cluster.
    /// The cluster is its own grain's aggregate (its leader can change), so it is read here.
    /// </summary>
    private async Task<DomainError?> AuthorizeAsync(Viewer viewer, Network held)
    {
        if (viewer.IsAdmin || (viewer.LeaderId is { } leaderId && viewer.Has(Role.LEADER) && held.OrganiserLeaderId == leaderId))
        {
            return null;
        }
        if (await organisers.IsOrganiserAsync(held.Id, viewer))
        {
            return null;
        }
        if (held.ClusterId is { } clusterId && (await clusters.ClustersAsync([clusterId])).GetValueOrDefault(clusterId) is { } cluster
            && PeerReviewAccess.MayManage(viewer, cluster))
        {
            return null;
        }
        return DomainError.NotAllowed("Only admins and the network's organisers may change its meetings.");
    }

    /// <summary>A command's write at the version given; null when the network was no longer at it.</summary>
    private delegate Task<Meeting?> MeetingWrite(int expectedVersion);

    /// <summary>What a command's rules decided on the held network: a refusal, or a write.</summary>
    private readonly record struct Decision(DomainError? Refusal, MeetingWrite? Then)
    {
        public static Decision Refuse(DomainError error) => new(error, null);

        public static Decision Write(MeetingWrite write) => new(null, write);
    }
}
