using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Orleans;

namespace InclusionNetwork.Grains.Networks;

/// <summary>Creates network series; only admins may.</summary>
public sealed class NetworkDirectoryGrain(NetworkStore store) : Grain, INetworkDirectoryGrain
{
    public async Task<CommandResult<Network>> CreateNetworkAsync(Viewer viewer, NewNetwork network) =>
        viewer.IsAdmin
            ? await store.CreateAsync(network)
            : CommandResult<Network>.Failure(DomainError.NotAllowed("Only admins may create networks."));
}
