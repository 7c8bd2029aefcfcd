using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Common;
using Orleans;

namespace InclusionNetwork.Grains.Networks;

/// <summary>The county's networks (one key, "county"): where a network series is created.</summary>
public interface INetworkDirectoryGrain : IGrainWithStringKey
{
    public const string County = "county";

    Task<CommandResult<Network>> CreateNetworkAsync(Viewer viewer, NewNetwork network);
}
